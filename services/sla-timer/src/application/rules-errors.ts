import { FieldProblem } from '../domain/field-problem';

/** A policy or calendar document that breaks a rule: nothing of it is stored. */
export class RulesRejectedError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(`rejected: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    this.name = 'RulesRejectedError';
  }
}

/** The caller edited a version that is no longer current (If-Match). */
export class StaleVersionError extends Error {
  constructor(
    readonly expected: number,
    readonly current: number,
  ) {
    super(`version ${expected} is not current; the current version is ${current}`);
    this.name = 'StaleVersionError';
  }
}

/** A calendar still in use cannot be removed. */
export class CalendarInUseError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'CalendarInUseError';
  }
}
