import { RuleSetProblem } from '../domain/rule-set/validate-rule-set';

/** The use cases' refusals; the HTTP layer turns each into its problem+json status. */
export class ClassificationNotFoundError extends Error {
  constructor(readonly complaintId: string) {
    super(`no classification for complaint ${complaintId}`);
    this.name = 'ClassificationNotFoundError';
  }
}

export class RevisionConflictError extends Error {
  constructor(
    readonly expected: number,
    readonly current: number,
  ) {
    super(`the classification is at revision ${current}, not ${expected}: reload it and decide again`);
    this.name = 'RevisionConflictError';
  }
}

export class NothingToChangeError extends Error {
  constructor() {
    super('the override changes nothing: the classification already says that');
    this.name = 'NothingToChangeError';
  }
}

/** A request that names categories, rules or values that cannot be used; `problems` lists every reason. */
export class InvalidRequestError extends Error {
  constructor(
    message: string,
    readonly problems: RuleSetProblem[],
  ) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

export class RuleSetVersionExistsError extends Error {
  constructor(readonly version: string) {
    super(`rule set version ${version} already exists with a different content: choose a new version`);
    this.name = 'RuleSetVersionExistsError';
  }
}

export class StaleRuleSetBaseError extends Error {
  constructor(
    readonly basedOn: string,
    readonly active: string,
  ) {
    super(
      `the rule set was edited from ${basedOn}, but ${active} is in force now: merge with it and try again`,
    );
    this.name = 'StaleRuleSetBaseError';
  }
}

export class RuleSetNotFoundError extends Error {
  constructor(readonly version: string) {
    super(`no rule set version ${version}`);
    this.name = 'RuleSetNotFoundError';
  }
}
