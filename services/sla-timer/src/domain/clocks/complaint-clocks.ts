import { CalendarBook } from '../calendar/calendar-book';
import { WorkingCalendar } from '../calendar/working-calendar';
import { CLOCK_KINDS, ClockKind } from '../clock-kind';
import { extend, resolveTerms } from '../policy/clock-terms-resolver';
import { PolicySet } from '../policy/sla-policy';
import { ClockTerms, sameTerms } from '../schedule/clock-terms';
import { ClockChange, StartTrigger } from './clock-change';
import {
  Cause,
  cancelClock,
  meetClock,
  pauseClock,
  resumeClock,
  retargetClock,
  startClock,
} from './clock-transitions';
import { Classification, ComplaintTrack, FINISHED_STATUSES } from './complaint-track';
import { LifecycleFact } from './lifecycle-fact';
import { isOpen, SlaClock } from './sla-clock';

/** The policies and calendars in force, and a source of clock ids. */
export interface ClockRules {
  policies: PolicySet;
  calendars: CalendarBook;
  newId(): string;
}

export type Outcome = 'applied' | 'stale' | 'deferred';

/**
 * All clocks of one complaint and the rules that move them (issue #5 §3): started by the classification, met by
 * the lifecycle event that answers them, paused while the customer is asked for information, recomputed by a
 * reclassification or an extension, cancelled by a withdrawal, restarted by a reopening. Each change is recorded
 * with its event, in order.
 */
export class ComplaintClocks {
  readonly changes: ClockChange[] = [];
  private readonly latest = new Map<ClockKind, SlaClock>();

  constructor(
    private state: ComplaintTrack,
    clocks: SlaClock[],
    private readonly rules: ClockRules,
  ) {
    for (const clock of clocks) {
      const known = this.latest.get(clock.kind);
      if (!known || clock.cycle > known.cycle) this.latest.set(clock.kind, clock);
    }
  }

  get track(): ComplaintTrack {
    return this.state;
  }

  /** complaint.classified or .reclassified: a newer revision starts missing clocks and recomputes open ones. */
  classify(classification: Classification, cause: Cause): Outcome {
    const previous = this.state.classification;
    if (previous && classification.revision <= previous.revision) return 'stale';
    this.state = { ...this.state, classification };
    const trigger: StartTrigger = previous ? 'reclassified' : 'classified';
    for (const kind of CLOCK_KINDS) {
      const terms = this.termsFor(kind);
      const clock = this.latest.get(kind);
      if (!clock) {
        if (terms && !this.finished()) this.start(kind, terms, classification.receivedAt, 1, cause, trigger);
      } else if (isOpen(clock) && !terms) {
        const reason = 'the complaint is no longer covered by a policy with this clock';
        this.record(
          cancelClock(clock, classification.receivedAt, reason, this.calendarOf(clock.terms), cause),
        );
      } else if (isOpen(clock) && terms && !sameTerms(terms, clock.terms)) {
        this.record(retargetClock(clock, terms, this.calendarOf(terms), cause, trigger));
      }
    }
    return 'applied';
  }

  /** A lifecycle event; deferred until the complaint is classified, stale when its version was already applied. */
  apply(fact: LifecycleFact, cause: Cause): Outcome {
    if (!this.state.classification) return 'deferred';
    if (fact.version <= this.state.lifecycleVersion) return 'stale';
    this.state = { ...this.state, lifecycleVersion: fact.version, status: fact.status };
    const at = fact.occurredAt;
    switch (fact.type) {
      case 'acknowledged':
        this.each(['first-response'], (c, cal) => meetClock(c, at, cal, cause));
        break;
      case 'awaiting-customer':
        // Asking the customer for information is a response, and the wait is not the bank's time.
        this.each(['first-response'], (c, cal) => meetClock(c, at, cal, cause));
        this.each(CLOCK_KINDS, (c, cal) => pauseClock(c, at, cal, cause));
        break;
      case 'customer-replied':
        this.each(CLOCK_KINDS, (c, cal) => resumeClock(c, at, cal, cause));
        break;
      case 'resolved':
        this.each(CLOCK_KINDS, (c, cal) => meetClock(c, at, cal, cause));
        break;
      case 'closed':
        this.each(CLOCK_KINDS, (c, cal) => cancelClock(c, at, 'complaint closed', cal, cause));
        break;
      case 'withdrawn':
        this.each(CLOCK_KINDS, (c, cal) => cancelClock(c, at, 'complaint withdrawn', cal, cause));
        break;
      case 'reopened':
        this.restart(at, cause);
        break;
      case 'deadline-extended':
        this.extend(fact.newTotalDays, cause);
        break;
    }
    return 'applied';
  }

  private restart(at: Date, cause: Cause): void {
    this.state = { ...this.state, extensionDays: undefined };
    for (const kind of CLOCK_KINDS) {
      const terms = this.termsFor(kind);
      if (!terms?.target.restartOnReopen) continue;
      const clock = this.latest.get(kind);
      if (clock) {
        const reason = 'restarted: the complaint was reopened';
        this.record(cancelClock(clock, at, reason, this.calendarOf(clock.terms), cause));
      }
      this.start(kind, terms, at, (clock?.cycle ?? 0) + 1, cause, 'reopened');
    }
  }

  private extend(days: number | undefined, cause: Cause): void {
    if (!days) return;
    this.state = { ...this.state, extensionDays: days };
    const clock = this.latest.get('regulatory-decision');
    if (!clock || !isOpen(clock)) return;
    const terms = { ...clock.terms, target: extend(clock.terms.target, days) };
    this.record(retargetClock(clock, terms, this.calendarOf(terms), cause, 'deadline-extended'));
  }

  private start(
    kind: ClockKind,
    terms: ClockTerms,
    startedAt: Date,
    cycle: number,
    cause: Cause,
    trigger: StartTrigger,
  ): void {
    const start = { id: this.rules.newId(), complaintId: this.state.complaintId, kind, cycle, startedAt };
    this.record(startClock(start, terms, this.calendarOf(terms), cause, trigger));
  }

  private each(
    kinds: readonly ClockKind[],
    change: (clock: SlaClock, calendar: WorkingCalendar) => ClockChange | undefined,
  ): void {
    for (const kind of kinds) {
      const clock = this.latest.get(kind);
      if (clock) this.record(change(clock, this.calendarOf(clock.terms)));
    }
  }

  private record(change: ClockChange | undefined): void {
    if (!change) return;
    this.changes.push(change);
    this.latest.set(change.clock.kind, change.clock);
  }

  private termsFor(kind: ClockKind): ClockTerms | undefined {
    const classification = this.state.classification;
    if (!classification) return undefined;
    return resolveTerms(this.rules.policies, classification, kind, this.state.extensionDays);
  }

  private calendarOf(terms: ClockTerms): WorkingCalendar {
    return this.rules.calendars.get(terms.calendarId);
  }

  private finished(): boolean {
    return FINISHED_STATUSES.includes(this.state.status ?? '');
  }
}
