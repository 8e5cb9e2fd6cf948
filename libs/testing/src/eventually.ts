/**
 * Polls until the assertion stops throwing (or the predicate returns a value), instead of sleeping a fixed time.
 * The last failure is rethrown on timeout, so the test says what was still wrong.
 */
export async function eventually<T>(
  assertion: () => T | Promise<T>,
  { timeoutMs = 30000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
