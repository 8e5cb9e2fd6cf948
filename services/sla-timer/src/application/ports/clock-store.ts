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
 * The write side of clocks, inside the consumer's transaction, for one complaint or many at once (a run of events
 * is read and written in a few statements, not a few per event). `lockComplaints` comes first in every use case:
 * events of one complaint arrive on two topics and may be handled at once by two partitions' loops.
 */
export interface ClockStore {
  /** Takes the complaints' locks in one fixed global order, so two runs locking overlapping sets cannot deadlock. */
  lockComplaints(em: EntityManager, complaintIds: string[]): Promise<void>;
  /** The complaints that have a track; the others have never been seen. */
  loadTracks(em: EntityManager, complaintIds: string[]): Promise<Map<string, ComplaintTrack>>;
  saveTracks(em: EntityManager, tracks: ComplaintTrack[]): Promise<void>;
  /** Every cycle of every kind, locked for update (their timers first: the schedulers lock timers, then clocks). */
  loadClocks(em: EntityManager, complaintIds: string[]): Promise<SlaClock[]>;
  /** Inserts or updates clocks (each id at most once per call). */
  saveClocks(em: EntityManager, clocks: SlaClock[]): Promise<void>;
  /**
   * Replaces each clock's unfired timers with these; a purpose that already fired is never armed again. Wakes the
   * schedulers, which decide whether the earliest is sooner than they planned.
   */
  armTimers(em: EntityManager, armed: { clockId: string; timers: PlannedTimer[] }[]): Promise<void>;
  defer(em: EntityManager, deferred: (DeferredFact & { complaintId: string })[]): Promise<void>;
  /** The deferred events of the complaints, each complaint's in version order. */
  loadDeferred(em: EntityManager, complaintIds: string[]): Promise<Map<string, DeferredFact[]>>;
  /** Deletes the complaints' deferred events (they have been applied), with the transaction's commit. */
  dropDeferred(em: EntityManager, complaintIds: string[]): Promise<void>;
}

export const CLOCK_STORE = Symbol('ClockStore');
