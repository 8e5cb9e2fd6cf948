import { Clock } from '../src/domain/clock';

/**
 * Real time running at real speed, but shifted: the bench arms timers against a virtual start and, once arming
 * is done, lines that start up with "a few seconds from now". Lateness (fired minus due) is unaffected.
 */
export class ShiftedClock implements Clock {
  private shiftMs = 0;

  now(): Date {
    return new Date(Date.now() - this.shiftMs);
  }

  /** Makes `virtual` happen `inMs` from now. */
  align(virtual: Date, inMs: number): void {
    this.shiftMs = Date.now() + inMs - virtual.getTime();
  }
}
