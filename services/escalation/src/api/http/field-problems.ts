import { FieldError, ProblemException } from '@complaints/http-api';

/** Problems listed per field, as a 400 problem+json reports them. */
export function toFieldErrors(problems: { field: string; message: string }[]): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  return [...byField].map(([field, messages]) => ({ field, messages }));
}

export function invalidCursor(error: Error): ProblemException {
  return ProblemException.validation([{ field: 'cursor', messages: [error.message] }]);
}

/** Who changed configuration, from the verified token. */
export function actorOf(caller: { clientId: string; subject: string }): string {
  return caller.clientId === caller.subject ? caller.subject : `${caller.clientId}/${caller.subject}`;
}
