import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockFromEnv } from './clock-from-env';

describe('clock from the environment', () => {
  it('is the system clock unless a test clock file is named', () => {
    const before = Date.now();
    const now = clockFromEnv({}).now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThan(before + 1000);
  });

  it('follows the offset in the test clock file as the file changes', () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'clock-')), 'clock.json');
      writeFileSync(file, JSON.stringify({ offsetMs: 3_600_000 }));
      const clock = clockFromEnv({ TEST_CLOCK_FILE: file });
      expect(clock.now().getTime() - Date.now()).toBe(3_600_000);
      writeFileSync(file, JSON.stringify({ offsetMs: 7_200_000 }));
      // Read again once the re-read interval has passed (Jest's fake timers move Date.now; no sleeping)
      jest.advanceTimersByTime(150);
      expect(clock.now().getTime() - Date.now()).toBe(7_200_000);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses a test clock in production', () => {
    expect(() => clockFromEnv({ TEST_CLOCK_FILE: '/nonexistent', NODE_ENV: 'production' })).toThrow(
      'refused in production',
    );
  });
});
