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

  it('follows the offset in the test clock file from the next call after the file changes', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clock-')), 'clock.json');
    writeFileSync(file, JSON.stringify({ offsetMs: 3_600_000 }));
    const clock = clockFromEnv({ TEST_CLOCK_FILE: file });
    const shiftOf = () => Math.round((clock.now().getTime() - Date.now()) / 1000) * 1000;
    expect(shiftOf()).toBe(3_600_000);
    writeFileSync(file, JSON.stringify({ offsetMs: 7_200_000 }));
    // Seen at once: a request sent right after the move must already see it
    expect(shiftOf()).toBe(7_200_000);
  });

  it('refuses a test clock in production', () => {
    expect(() => clockFromEnv({ TEST_CLOCK_FILE: '/nonexistent', NODE_ENV: 'production' })).toThrow(
      'refused in production',
    );
  });
});
