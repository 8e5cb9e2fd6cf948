import { Inject, Injectable } from '@nestjs/common';
import { CalendarBook } from '../domain/calendar/calendar-book';
import { Clock, CLOCK } from '../domain/clock';
import { isOpen, SlaClock } from '../domain/clocks/sla-clock';
import { measureFor, remainingAt, scheduleClock } from '../domain/schedule/clock-schedule';
import { policyRef } from '../domain/schedule/clock-terms';
import { ClockRulesProvider } from './clock-rules.provider';
import { AtRiskFilter, BreachFilter, PageAfter, SLA_QUERIES, SlaQueries } from './ports/sla-queries';

/** A clock as ops see it. */
export interface ClockView {
  clockId: string;
  complaintId: string;
  kind: string;
  cycle: number;
  policyId: string;
  state: string;
  timeBasis: string;
  calendarId: string;
  target: { amount: number; unit: string };
  startedAt: string;
  /** Null while paused. */
  dueAt: string | null;
  /** Counted time left (working time for business clocks); null once met or cancelled. */
  remainingMs: number | null;
  breachedAt: string | null;
  metAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  pauses: { from: string; to: string | null }[];
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  next?: PageAfter;
}

@Injectable()
export class SlaViewService {
  constructor(
    @Inject(SLA_QUERIES) private readonly queries: SlaQueries,
    @Inject(ClockRulesProvider) private readonly rules: ClockRulesProvider,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async clocksOf(complaintId: string): Promise<ClockView[]> {
    return this.views(await this.queries.clocksOf(complaintId));
  }

  async breaches(filter: BreachFilter): Promise<Page<ClockView>> {
    const rows = await this.queries.breaches({ ...filter, limit: filter.limit + 1 });
    return this.page(rows, filter.limit, (c) => c.breachedAt as Date);
  }

  async atRisk(withinMinutes: number, filter: Omit<AtRiskFilter, 'dueBy'>): Promise<Page<ClockView>> {
    const dueBy = new Date(this.clock.now().getTime() + withinMinutes * 60_000);
    const rows = await this.queries.atRisk({ ...filter, dueBy, limit: filter.limit + 1 });
    return this.page(rows, filter.limit, (c) => c.dueAt as Date);
  }

  private async page(
    rows: SlaClock[],
    limit: number,
    sortKey: (c: SlaClock) => Date,
  ): Promise<Page<ClockView>> {
    const items = await this.views(rows.slice(0, limit));
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return last ? { items, next: { at: sortKey(last), id: last.id } } : { items };
  }

  private async views(clocks: SlaClock[]): Promise<ClockView[]> {
    const calendars = await this.rules.calendars();
    const now = this.clock.now();
    return clocks.map((c) => toView(c, remainingOf(c, calendars, now)));
  }
}

function remainingOf(clock: SlaClock, calendars: CalendarBook, now: Date): number | null {
  if (!isOpen(clock) || !calendars.has(clock.terms.calendarId)) return null;
  const calendar = calendars.get(clock.terms.calendarId);
  const schedule = scheduleClock(clock.startedAt, clock.terms, clock.pauses, calendar);
  return remainingAt(schedule, now, measureFor(clock.terms.target, calendar));
}

const iso = (d: Date | undefined | null) => (d ? d.toISOString() : null);

function toView(clock: SlaClock, remainingMs: number | null): ClockView {
  return {
    clockId: clock.id,
    complaintId: clock.complaintId,
    kind: clock.kind,
    cycle: clock.cycle,
    policyId: policyRef(clock.terms),
    state: clock.state,
    timeBasis: clock.terms.target.basis,
    calendarId: clock.terms.calendarId,
    target: { amount: clock.terms.target.amount, unit: clock.terms.target.unit },
    startedAt: clock.startedAt.toISOString(),
    dueAt: iso(clock.dueAt),
    remainingMs,
    breachedAt: iso(clock.breachedAt),
    metAt: iso(clock.metAt),
    closedAt: iso(clock.closedAt),
    closeReason: clock.closeReason ?? null,
    pauses: clock.pauses.map((p) => ({ from: p.from.toISOString(), to: iso(p.to) })),
  };
}
