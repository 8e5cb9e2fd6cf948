import { afterFailure, retryDelayMs } from './retry-policy';

const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 5000 };
const now = new Date('2026-11-20T09:00:00.000Z');

describe('retry policy', () => {
  it('doubles the delay per attempt up to the cap, with jitter in the upper half', () => {
    // Given the lowest and highest random draws, Then delays stay within [ceiling/2, ceiling]
    expect([1, 2, 3, 4].map((a) => retryDelayMs(policy, a, 0))).toEqual([500, 1000, 2000, 2500]);
    expect([1, 2, 3, 4].map((a) => retryDelayMs(policy, a, 1))).toEqual([1000, 2000, 4000, 5000]);
  });

  it('retries a transient failure while attempts are left, then gives up as not permanent', () => {
    // When the second of four attempts fails transiently, Then the next is due after the backoff
    expect(afterFailure(policy, 2, { transient: true }, now, 0.5)).toEqual({
      kind: 'retry',
      at: new Date(now.getTime() + 1500),
    });
    // When the last attempt fails, Then it gives up, and says that retries ran out rather than it being permanent
    expect(afterFailure(policy, 4, { transient: true }, now, 0.5)).toEqual({
      kind: 'give-up',
      permanent: false,
    });
  });

  it('gives up at once on a permanent failure', () => {
    expect(afterFailure(policy, 1, { transient: false }, now, 0.5)).toEqual({
      kind: 'give-up',
      permanent: true,
    });
  });
});
