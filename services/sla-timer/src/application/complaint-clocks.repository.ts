import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintClocks } from '../domain/clocks/complaint-clocks';
import { Clock, CLOCK } from '../domain/clock';
import { eventOf } from './clock-events';
import { ClockRulesProvider } from './clock-rules.provider';
import { CLOCK_STORE, ClockStore } from './ports/clock-store';
import { SlaEventDraft } from './sla-event-draft';

/**
 * Loads a complaint's clocks under its lock, and saves what a use case did to them: the complaint's state, each
 * changed clock with its timers, and the events to emit, in the order the changes happened.
 */
@Injectable()
export class ComplaintClocksRepository {
  constructor(
    @Inject(CLOCK_STORE) private readonly store: ClockStore,
    @Inject(ClockRulesProvider) private readonly rules: ClockRulesProvider,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async load(em: EntityManager, complaintId: string): Promise<ComplaintClocks> {
    await this.store.lockComplaint(em, complaintId);
    const track = (await this.store.loadTrack(em, complaintId)) ?? { complaintId, lifecycleVersion: 0 };
    const clocks = await this.store.loadClocks(em, complaintId);
    return new ComplaintClocks(track, clocks, await this.rules.current(em));
  }

  async save(em: EntityManager, clocks: ComplaintClocks): Promise<SlaEventDraft[]> {
    const now = this.clock.now();
    const calendars = await this.rules.calendars(em);
    await this.store.saveTrack(em, clocks.track);
    // A clock changed twice by one event (a deferred event applied after its start) is saved once, as it ended.
    const last = new Map(clocks.changes.map((change) => [change.clock.id, change]));
    await this.store.saveClocks(
      em,
      [...last.values()].map((c) => c.clock),
    );
    await this.store.armTimers(
      em,
      [...last.values()].map((c) => ({ clockId: c.clock.id, timers: c.timers })),
    );
    return clocks.changes.map((change) => eventOf(change, calendars.get(change.clock.terms.calendarId), now));
  }
}
