/** RFC 9457 problem details: the body of every error response. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Every field error of a 400, so a channel fixes its request in one round trip. */
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  messages: string[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs are stable identifiers (documented in docs/errors.md), not links that must resolve. */
export function problemType(slug: string): string {
  return `https://complaints.example/problems/${slug}`;
}
