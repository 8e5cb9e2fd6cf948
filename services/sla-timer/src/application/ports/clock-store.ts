import { EntityManager } from 'typeorm';
import { ClockKind, SlaPolicy } from '../../domain/sla-policy';

export interface NewClock {
  id: string;
  complaintId: string;
  kind: ClockKind;
  policyId: string;
  startedAt: Date;
  dueAt: Date;
  correlation: string;
  causedBy: string;
  /** When the durable timers fire: warnings before the due time, then the breach at it. */
  timers: { purpose: string; fireAt: Date }[];
}

export interface ClockView {
  id: string;
  kind: ClockKind;
  policyId: string;
  state: string;
  startedAt: string;
  dueAt: string;
}

export interface ClockStore {
  policies(em: EntityManager): Promise<SlaPolicy[]>;
  /** Inserts the clock and its timers; false when the complaint already has a clock of that kind. */
  start(em: EntityManager, clock: NewClock): Promise<boolean>;
  clocksOf(complaintId: string): Promise<ClockView[]>;
}

export const CLOCK_STORE = Symbol('ClockStore');
