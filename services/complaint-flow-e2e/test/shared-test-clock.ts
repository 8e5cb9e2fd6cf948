import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One clock for five separate processes: each service started with TEST_CLOCK_FILE=<file> reads the offset in it
 * (within 100 ms) and adds it to the system time. A journey moves time forward by rewriting the file instead of
 * sleeping. Time only moves forward, as it does for the services' durable timers.
 */
export class SharedTestClock {
  private readonly dir = mkdtempSync(join(tmpdir(), 'complaints-e2e-clock-'));
  readonly file = join(this.dir, 'clock.json');
  private offsetMs = 0;

  constructor() {
    this.write();
  }

  /** The services' time now. */
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves every service's clock to this instant (it must not be in the services' past). */
  moveTo(instant: Date | string): void {
    const offset = new Date(instant).getTime() - Date.now();
    if (offset < this.offsetMs)
      throw new Error(`${new Date(instant).toISOString()} is in the services' past`);
    this.offsetMs = offset;
    this.write();
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  // Written whole and renamed into place: a service never reads half a file (it would fall back to offset 0).
  private write(): void {
    const next = `${this.file}.next`;
    writeFileSync(next, JSON.stringify({ offsetMs: this.offsetMs }));
    renameSync(next, this.file);
  }
}
