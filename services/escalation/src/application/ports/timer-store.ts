import { EntityManager } from 'typeorm';

export interface ClaimedTimer {
  escalationId: string;
  complaintId: string;
  correlationId: string;
}

export interface TimerStore {
  /**
   * Claims one due timer (FOR UPDATE SKIP LOCKED) and deletes it in the caller's transaction: another replica
   * skips it, and a rollback (crash) puts it back.
   */
  claimDue(em: EntityManager, now: Date): Promise<ClaimedTimer | null>;
  /** The earliest due time of any timer, for the scheduler's sleep. */
  nextDue(): Promise<Date | null>;
}

export const TIMER_STORE = Symbol('TimerStore');

/** The LISTEN/NOTIFY channel a new timer is announced on, so the scheduler can wake before its planned time. */
export const TIMER_CHANNEL = 'escalation_timer_added';
