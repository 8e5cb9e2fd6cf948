/**
 * What happens after a failed send. Transient failures (provider down, timeout, 5xx, SMTP 4xx) are retried with
 * exponential backoff and jitter until the attempt limit; permanent ones (address rejected, no template) stop at
 * once. The numbers come from configuration; randomness is a parameter so tests are exact.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type AfterFailure = { kind: 'retry'; at: Date } | { kind: 'give-up'; permanent: boolean };

/**
 * Delay before attempt `attempt + 1`: base * 2^(attempt-1), capped, then "equal jitter" (a uniform value in the upper
 * half), so a provider outage does not get every queued message back at the same instant.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random * (ceiling / 2));
}

/** `attempt` is the number of the attempt that just failed (1 for the first). */
export function afterFailure(
  policy: RetryPolicy,
  attempt: number,
  failure: { transient: boolean },
  now: Date,
  random: number,
): AfterFailure {
  if (!failure.transient) return { kind: 'give-up', permanent: true };
  if (attempt >= policy.maxAttempts) return { kind: 'give-up', permanent: false };
  return { kind: 'retry', at: new Date(now.getTime() + retryDelayMs(policy, attempt, random)) };
}
