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

  it('follows the offset in the test clock file as the file changes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clock-')), 'clock.json');
    writeFileSync(file, JSON.stringify({ offsetMs: 3_600_000 }));
    const clock = clockFromEnv({ TEST_CLOCK_FILE: file });
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(3_590_000);
    writeFileSync(file, JSON.stringify({ offsetMs: 7_200_000 }));
    await eventually(() => expect(clock.now().getTime() - Date.now()).toBeGreaterThan(7_190_000), {
      timeoutMs: 5000,
    });
  });

  it('refuses a test clock in production', () => {
    expect(() => clockFromEnv({ TEST_CLOCK_FILE: '/nonexistent', NODE_ENV: 'production' })).toThrow(
      'refused in production',
    );
  });
});
