import { readFileSync } from 'node:fs';

/** Structurally the Clock port every service declares. */
export interface WallClock {
  now(): Date;
}

/**
 * The service's clock: the system clock, unless TEST_CLOCK_FILE names a file holding `{"offsetMs": n}`. Then time
 * is the system time shifted by that offset, read on every call, so end-to-end tests move the clocks of five
 * separate processes forward instead of sleeping, and a request sent right after a move already sees it (a cached
 * offset made an agent's action land before the move it followed). Refused when NODE_ENV is production.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): WallClock {
  const file = env['TEST_CLOCK_FILE'];
  if (!file) return { now: () => new Date() };
  if (env['NODE_ENV'] === 'production')
    throw new Error('TEST_CLOCK_FILE is for tests and is refused in production');
  return { now: () => new Date(Date.now() + readOffset(file)) };
}

function readOffset(file: string): number {
  try {
    const { offsetMs } = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown };
    return typeof offsetMs === 'number' && Number.isFinite(offsetMs) ? offsetMs : 0;
  } catch {
    return 0;
  }
}
