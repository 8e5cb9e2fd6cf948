import {
  ArgumentMetadata,
  HttpException,
  Injectable,
  ParseUUIDPipe,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { FieldError, ProblemDetails } from './problem-details';
import { ProblemException } from './problem.exception';

/** Flattens nested validation errors into one entry per field path, e.g. customer.phone. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** NUL, or a surrogate without its partner: not text, and Postgres refuses both (in text and in jsonb). */
const NOT_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Far deeper than any request body of these APIs, and far shallower than what overflows the validators' stack. */
export const MAX_NESTING = 32;

/** Whether a value nests arrays or objects deeper than `limit`; iterative, so any depth is measured safely. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop() as [unknown, number];
    if (!node || typeof node !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/** The paths of every string (or key) in a request value that is not storable text. */
export function unstorableTextFields(value: unknown, path = ''): string[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (typeof value === 'string') return NOT_TEXT.test(value) ? [path || 'body'] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableTextFields(item, at(i)));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      NOT_TEXT.test(key) ? [at(key.replace(NOT_TEXT, '?'))] : unstorableTextFields(item, at(key)),
    );
  }
  return [];
}

/**
 * Keys whitelisting never sees: class-transformer skips `constructor` and turns `__proto__` into the copy's
 * prototype, so both were dropped in silence where every other unknown field is refused.
 */
const PROTOTYPE_KEYS = new Set(['constructor', '__proto__']);

/** The paths of every key in a request value that is `constructor` or `__proto__` (JSON.parse makes both own keys). */
export function prototypeKeyFields(value: unknown, path = ''): string[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(value)) return value.flatMap((item, i) => prototypeKeyFields(item, at(i)));
  if (value && typeof value === 'object') {
    return Object.keys(value).flatMap((key) =>
      PROTOTYPE_KEYS.has(key)
        ? [at(key)]
        : prototypeKeyFields((value as Record<string, unknown>)[key], at(key)),
    );
  }
  return [];
}

/**
 * Two holes in class-validator's @ValidateNested, closed here: it lets an array stand where an object is expected
 * (`rules: [[]]` passes, having validated the inner array's no items), and it lets a required nested object be
 * missing (only @IsDefined would catch that). Either way domain code meets something that is not the object, and
 * fails as a 500. This walks the validated instance along its own nested declarations and lists every such field.
 */
export function nestedObjectProblems(instance: object, path = ''): FieldError[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(instance.constructor, '', true, false);
  const optional = new Set(
    metadata.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName),
  );
  return metadata
    .filter((m) => m.type === ValidationTypes.NESTED_VALIDATION)
    .flatMap(({ propertyName, each }) => {
      const value = (instance as Record<string, unknown>)[propertyName];
      const at = path ? `${path}.${propertyName}` : propertyName;
      if (value === undefined || value === null) {
        return optional.has(propertyName) ? [] : [{ field: at, messages: [`${at} is required`] }];
      }
      const items: [unknown, string][] =
        each && Array.isArray(value) ? value.map((item, i) => [item, `${at}.${i}`]) : [[value, at]];
      return items.flatMap(([item, field]) =>
        item && typeof item === 'object' && !Array.isArray(item)
          ? nestedObjectProblems(item, field)
          : [{ field, messages: [`${field} must be an object`] }],
      );
    });
}

/**
 * Whitelisting validation: unknown fields are rejected (a channel's typo must not be silently dropped) and every
 * field error is reported in one 400. Refused here too, as field errors: JSON nested deeper than any API needs
 * (walking it would overflow the stack), strings holding NUL or a lone surrogate (they would reach Postgres and
 * fail there) and nested objects that are missing or not objects (they would reach the domain and fail there):
 * each was a 500. Keys named `constructor` or `__proto__` are refused as well: they were silently dropped.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const scanned = metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param';
    // JSON nested thousands deep overflows the stack of class-transformer and class-validator (a 500): refuse it
    // before anything walks it.
    if (scanned && nestsDeeperThan(value, MAX_NESTING)) {
      const field = metadata.data ?? 'body';
      throw ProblemException.validation([
        { field, messages: [`${field} nests deeper than ${MAX_NESTING} levels`] },
      ]);
    }
    const prototypeKeys = scanned ? prototypeKeyFields(value, metadata.data ?? '') : [];
    if (prototypeKeys.length > 0) {
      throw ProblemException.validation(
        prototypeKeys.map((field) => ({ field, messages: [`${field} is not an accepted field name`] })),
      );
    }
    const unstorable: FieldError[] = (scanned ? unstorableTextFields(value, metadata.data ?? '') : []).map(
      (field) => ({ field, messages: [`${field} must be text without NUL characters or lone surrogates`] }),
    );
    let transformed: unknown;
    try {
      transformed = await super.transform(value, metadata);
    } catch (error) {
      if (unstorable.length === 0 || !(error instanceof HttpException) || error.getStatus() !== 400)
        throw error;
      const listed = (error.getResponse() as Partial<ProblemDetails>).errors ?? [];
      throw ProblemException.validation([...listed, ...unstorable]);
    }
    const notObjects =
      transformed && typeof transformed === 'object' ? nestedObjectProblems(transformed) : [];
    if (unstorable.length > 0 || notObjects.length > 0) {
      throw ProblemException.validation([...notObjects, ...unstorable]);
    }
    return transformed;
  }
}

export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => ProblemException.validation(toFieldErrors(errors)),
  });
}

/**
 * ParseUUIDPipe whose refusal is a 400 like every other: problem+json naming the path parameter, e.g.
 * `{ field: 'id', messages: ['id must be a UUID'] }`, instead of Nest's bare "Validation failed".
 */
@Injectable()
export class UuidParamPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    try {
      return await super.transform(value, metadata);
    } catch {
      const field = metadata.data ?? 'id';
      throw ProblemException.validation([{ field, messages: [`${field} must be a UUID`] }]);
    }
  }
}
