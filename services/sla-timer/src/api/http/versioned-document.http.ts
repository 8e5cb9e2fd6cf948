import { FieldError, ProblemException } from '@complaints/http-api';
import type { Response } from 'express';
import { Versioned } from '../../application/ports/rules-store';
import { CalendarInUseError, RulesRejectedError, StaleVersionError } from '../../application/rules-errors';

/** `If-Match: "3"` -> 3; absent -> undefined (last writer wins); anything else -> 400. */
export function expectedVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(ifMatch.trim());
  if (!match) {
    throw ProblemException.validation([
      { field: 'If-Match', messages: ['If-Match must be an ETag such as "3"'] },
    ]);
  }
  return Number(match[1]);
}

/** The body of a GET or PUT, with the version as ETag so the next PUT can send it as If-Match. */
export function versionedBody<T extends object>(document: Versioned<T>, res: Response): object {
  res.setHeader('ETag', `"${document.version}"`);
  return {
    version: document.version,
    createdAt: document.createdAt.toISOString(),
    createdBy: document.createdBy,
    ...document.document,
  };
}

/** Rejections as problem+json: rule breaches 400 with every field, stale If-Match 412, a calendar in use 409. */
export function asProblem(error: unknown): unknown {
  if (error instanceof RulesRejectedError) {
    const byField = new Map<string, string[]>();
    for (const p of error.problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
    const errors: FieldError[] = [...byField].map(([field, messages]) => ({ field, messages }));
    return ProblemException.validation(errors);
  }
  if (error instanceof StaleVersionError) {
    return new ProblemException(412, 'version-mismatch', 'Precondition failed', error.message, {
      currentVersion: error.current,
    });
  }
  if (error instanceof CalendarInUseError) return ProblemException.conflict('calendar-in-use', error.message);
  return error;
}
