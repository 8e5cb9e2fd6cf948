import { readFileSync } from 'node:fs';

/** Structurally the Clock port every service declares. */
export interface WallClock {
  now(): Date;
}

/** How stale the offset may get: the file is read again at most this often. */
const REREAD_MS = 100;

/**
 * The service's clock: the system clock, unless TEST_CLOCK_FILE names a file holding `{"offsetMs": n}`. Then time
 * is the system time shifted by that offset (re-read at most every 100 ms), so end-to-end tests move the clocks of
 * five separate processes forward instead of sleeping. Refused when NODE_ENV is production.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): WallClock {
  const file = env['TEST_CLOCK_FILE'];
  if (!file) return { now: () => new Date() };
  if (env['NODE_ENV'] === 'production')
    throw new Error('TEST_CLOCK_FILE is for tests and is refused in production');
  let offsetMs = readOffset(file);
  let readAt = Date.now();
  return {
    now: () => {
      const real = Date.now();
      if (real - readAt >= REREAD_MS) {
        offsetMs = readOffset(file);
        readAt = real;
      }
      return new Date(real + offsetMs);
    },
  };
}

function readOffset(file: string): number {
  try {
    const { offsetMs } = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown };
    return typeof offsetMs === 'number' && Number.isFinite(offsetMs) ? offsetMs : 0;
  } catch {
    return 0;
  }
}
