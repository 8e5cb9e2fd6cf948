import { EntityManager } from 'typeorm';
import { ClockKind } from '../../domain/clock-kind';
import { ClockState } from '../../domain/clocks/sla-clock';
import { ClockTerms } from '../../domain/schedule/clock-terms';

/** A due timer claimed by this scheduler, with what its event needs to say about the clock. */
export interface ClaimedTimer {
  timerId: string;
  purpose: string;
  fireAt: Date;
  clockId: string;
  complaintId: string;
  kind: ClockKind;
  clockState: ClockState;
  terms: ClockTerms;
  dueAt: Date | null;
  targetMs: number;
  correlation: string;
}

/** The durable timers, for the scheduler. */
export interface TimerStore {
  /**
   * Locks and returns up to `limit` unfired timers due at `now`, earliest first. Rows another scheduler holds are
   * skipped (FOR UPDATE SKIP LOCKED), so replicas share the work and never fire one timer twice.
   */
  claimDue(em: EntityManager, now: Date, limit: number): Promise<ClaimedTimer[]>;
  markFired(em: EntityManager, timerIds: string[], firedAt: Date, firedBy: string): Promise<void>;
  markBreached(em: EntityManager, breaches: { clockId: string; breachedAt: Date }[]): Promise<void>;
  /** The earliest unfired timer, or null when none is armed. */
  nextFireAt(): Promise<Date | null>;
}

export const TIMER_STORE = Symbol('TimerStore');
