/** Exponential backoff with full jitter, capped: 200 ms, 400 ms, ... up to maxMs. */
export function backoffDelay(attempt: number, baseMs = 200, maxMs = 5000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
