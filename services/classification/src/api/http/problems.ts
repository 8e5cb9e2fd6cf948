import { FieldError, ProblemException } from '@complaints/http-api';
import {
  ClassificationNotFoundError,
  InvalidRequestError,
  NothingToChangeError,
  RevisionConflictError,
  RuleSetNotFoundError,
  RuleSetVersionExistsError,
  StaleRuleSetBaseError,
} from '../../application/errors';
import { RuleSetProblem } from '../../domain/rule-set/validate-rule-set';

/** Every problem, grouped by field, in the shape of a 400's `errors`. */
export function fieldErrors(problems: RuleSetProblem[]): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const problem of problems)
    byField.set(problem.path, [...(byField.get(problem.path) ?? []), problem.message]);
  return [...byField.entries()].map(([field, messages]) => ({ field, messages }));
}

/** The problem+json for a use case's refusal; anything else is rethrown (a 500 for the global filter). */
export function problemFor(error: unknown): unknown {
  if (error instanceof ClassificationNotFoundError || error instanceof RuleSetNotFoundError) {
    return ProblemException.notFound(error.message);
  }
  if (error instanceof InvalidRequestError) return ProblemException.validation(fieldErrors(error.problems));
  if (error instanceof RevisionConflictError) {
    return ProblemException.conflict('revision-conflict', error.message, { currentRevision: error.current });
  }
  if (error instanceof NothingToChangeError)
    return ProblemException.conflict('nothing-to-change', error.message);
  if (error instanceof RuleSetVersionExistsError) {
    return ProblemException.conflict('rule-set-version-exists', error.message, { version: error.version });
  }
  if (error instanceof StaleRuleSetBaseError) {
    return ProblemException.conflict('rule-set-changed', error.message, { activeVersion: error.active });
  }
  return error;
}
