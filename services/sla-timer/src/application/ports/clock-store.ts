import { EntityManager } from 'typeorm';
import { PlannedTimer } from '../../domain/schedule/clock-schedule';
import { ComplaintTrack } from '../../domain/clocks/complaint-track';
import { LifecycleFact } from '../../domain/clocks/lifecycle-fact';
import { SlaClock } from '../../domain/clocks/sla-clock';

/** A lifecycle event kept until its complaint is classified. */
export interface DeferredFact {
  eventId: string;
  correlation: string;
  fact: LifecycleFact;
}

/**
 * The write side of clocks, inside the consumer's transaction. `lockComplaint` comes first in every use case:
 * events of one complaint arrive on two topics and may be handled at once by two partitions' loops.
 */
export interface ClockStore {
  lockComplaint(em: EntityManager, complaintId: string): Promise<void>;
  loadTrack(em: EntityManager, complaintId: string): Promise<ComplaintTrack | undefined>;
  saveTrack(em: EntityManager, track: ComplaintTrack): Promise<void>;
  /** Every cycle of every kind, locked for update (their timers first: the schedulers lock timers, then clocks). */
  loadClocks(em: EntityManager, complaintId: string): Promise<SlaClock[]>;
  /** Inserts or updates clocks (each id at most once per call). */
  saveClocks(em: EntityManager, clocks: SlaClock[]): Promise<void>;
  /**
   * Replaces each clock's unfired timers with these; a purpose that already fired is never armed again. Wakes the
   * schedulers, which decide whether the earliest is sooner than they planned.
   */
  armTimers(em: EntityManager, armed: { clockId: string; timers: PlannedTimer[] }[]): Promise<void>;
  defer(em: EntityManager, complaintId: string, deferred: DeferredFact): Promise<void>;
  /** The deferred events of a complaint in version order; they are deleted with the transaction's commit. */
  takeDeferred(em: EntityManager, complaintId: string): Promise<DeferredFact[]>;
}

export const CLOCK_STORE = Symbol('ClockStore');
