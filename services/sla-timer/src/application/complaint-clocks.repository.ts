import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintClocks } from '../domain/clocks/complaint-clocks';
import { SlaClock } from '../domain/clocks/sla-clock';
import { Clock, CLOCK } from '../domain/clock';
import { eventOf } from './clock-events';
import { ClockRulesProvider } from './clock-rules.provider';
import { CLOCK_STORE, ClockStore, DeferredFact } from './ports/clock-store';
import { SlaEventDraft } from './sla-event-draft';

/** One complaint as a transaction holds it: its clocks, and what is still to be written. */
interface HeldComplaint {
  clocks: ComplaintClocks;
  /** How many of `clocks.changes` have already been turned into events. */
  reported: number;
  changed: boolean;
  /** Deferred events as stored and not yet taken. */
  deferred: DeferredFact[];
  deferredTaken: boolean;
  toDefer: DeferredFact[];
}

/**
 * Loads complaints' clocks under their locks, and saves what use cases did to them: the complaint's state, each
 * changed clock with its timers, and the events to emit, in the order the changes happened.
 *
 * A consumer run of many events opens a unit of work on its transaction (`open`): every complaint of the run is
 * locked and read in five statements, the use cases work on those in memory, and `flush` writes all of them in
 * three. The clock handlers open and flush it around their events (beforeEvents / afterEvents), also for one
 * event on its own; using the repository on a transaction without an open unit is an error, as its writes would
 * be lost.
 */
@Injectable()
export class ComplaintClocksRepository {
  private readonly units = new WeakMap<EntityManager, Map<string, HeldComplaint>>();

  constructor(
    @Inject(CLOCK_STORE) private readonly store: ClockStore,
    @Inject(ClockRulesProvider) private readonly rules: ClockRulesProvider,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Starts a unit of work on the transaction and loads these complaints into it (with their deferred events). */
  async open(em: EntityManager, complaintIds: string[]): Promise<void> {
    const unit = this.units.get(em) ?? new Map<string, HeldComplaint>();
    this.units.set(em, unit);
    const missing = [...new Set(complaintIds.map(key))].filter((id) => !unit.has(id));
    const read = await this.read(em, missing);
    missing.forEach((id, i) => unit.set(id, read[i]));
  }

  /** Writes everything the unit holds that changed, and ends it. */
  async flush(em: EntityManager): Promise<void> {
    const unit = this.units.get(em);
    this.units.delete(em);
    if (unit) await this.write(em, [...unit.values()]);
  }

  async load(em: EntityManager, complaintId: string): Promise<ComplaintClocks> {
    return (await this.held(em, complaintId)).clocks;
  }

  /** The events for the changes not yet reported; the writes wait for `flush`. */
  async save(em: EntityManager, clocks: ComplaintClocks): Promise<SlaEventDraft[]> {
    const held = await this.held(em, clocks.track.complaintId);
    if (held.clocks !== clocks) throw new Error('saving clocks this transaction did not load');
    held.changed = true;
    const now = this.clock.now();
    const calendars = await this.rules.calendars(em);
    const fresh = clocks.changes.slice(held.reported);
    held.reported = clocks.changes.length;
    return fresh.map((change) => eventOf(change, calendars.get(change.clock.terms.calendarId), now));
  }

  /** Keeps a lifecycle event until the complaint's classification arrives. */
  async defer(em: EntityManager, complaintId: string, deferred: DeferredFact): Promise<void> {
    const held = await this.held(em, complaintId);
    held.toDefer.push(deferred);
  }

  /** The complaint's deferred events in version order; they are deleted when the unit is written. */
  async takeDeferred(em: EntityManager, complaintId: string): Promise<DeferredFact[]> {
    const held = await this.held(em, complaintId);
    const taken = [...held.deferred, ...held.toDefer].sort((a, b) => a.fact.version - b.fact.version);
    held.deferredTaken ||= held.deferred.length > 0;
    held.deferred = [];
    held.toDefer = [];
    return taken;
  }

  private async held(em: EntityManager, complaintId: string): Promise<HeldComplaint> {
    const unit = this.units.get(em);
    if (!unit) throw new Error('no unit of work is open on this transaction: open() it first');
    const known = unit.get(key(complaintId));
    if (known) return known;
    // Not opened with the others: read alone. This locks out of the global order; should another run hold this
    // complaint and wait for one of ours, Postgres reports a deadlock, and the consumer retries.
    const [held] = await this.read(em, [key(complaintId)]);
    unit.set(key(complaintId), held);
    return held;
  }

  private async read(em: EntityManager, ids: string[]): Promise<HeldComplaint[]> {
    if (ids.length === 0) return [];
    await this.store.lockComplaints(em, ids);
    const tracks = await this.store.loadTracks(em, ids);
    const clocks = await this.store.loadClocks(em, ids);
    const deferred = await this.store.loadDeferred(em, ids);
    const rules = await this.rules.current(em);
    const clocksOf = new Map<string, SlaClock[]>();
    for (const clock of clocks) {
      const ofComplaint = clocksOf.get(clock.complaintId) ?? [];
      clocksOf.set(clock.complaintId, ofComplaint);
      ofComplaint.push(clock);
    }
    return ids.map((id) => ({
      clocks: new ComplaintClocks(
        tracks.get(id) ?? { complaintId: id, lifecycleVersion: 0 },
        clocksOf.get(id) ?? [],
        rules,
      ),
      reported: 0,
      changed: false,
      deferred: deferred.get(id) ?? [],
      deferredTaken: false,
      toDefer: [],
    }));
  }

  private async write(em: EntityManager, held: HeldComplaint[]): Promise<void> {
    const changed = held.filter((h) => h.changed);
    await this.store.saveTracks(
      em,
      changed.map((h) => h.clocks.track),
    );
    // A clock changed twice in one transaction (a deferred event applied after its start, or two events of the
    // run) is saved once, as it ended; its last change carries its timers as they now stand.
    const last = new Map(changed.flatMap((h) => h.clocks.changes).map((change) => [change.clock.id, change]));
    await this.store.saveClocks(
      em,
      [...last.values()].map((c) => c.clock),
    );
    await this.store.armTimers(
      em,
      [...last.values()].map((c) => ({ clockId: c.clock.id, timers: c.timers })),
    );
    await this.store.defer(
      em,
      held.flatMap((h) => h.toDefer.map((d) => ({ ...d, complaintId: h.clocks.track.complaintId }))),
    );
    await this.store.dropDeferred(
      em,
      held.filter((h) => h.deferredTaken).map((h) => h.clocks.track.complaintId),
    );
  }
}

/** Complaint ids as Postgres prints uuids, so every spelling of one id finds the same entry. */
const key = (complaintId: string): string => complaintId.toLowerCase();
