import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WorkingCalendar } from '../src/domain/calendar/working-calendar';
import { ClockChange } from '../src/domain/clocks/clock-change';
import { startClock } from '../src/domain/clocks/clock-transitions';
import { ClockTerms } from '../src/domain/schedule/clock-terms';
import { TypeormClockStore } from '../src/infrastructure/persistence/typeorm-clock.store';
import { DEFAULT_CALENDARS_V1 } from '../src/infrastructure/persistence/seeds/default-calendars.v1';
import { BusinessCalendar } from '../src/domain/calendar/business-calendar';
import { SCHEMA } from './bench-database';

/** One-minute 24x7 first-response clocks with warnings at 50% and 80%: timers at +30 s, +48 s and +60 s. */
export const BENCH_TERMS: ClockTerms = {
  policyId: 'bench',
  policyVersion: 1,
  calendarId: 'cn-mainland',
  warningFractions: [0.5, 0.8],
  target: {
    kind: 'first-response',
    amount: 1,
    unit: 'minutes',
    basis: '24x7',
    pauseWhileAwaitingCustomer: false,
    restartOnReopen: false,
  },
};
export const TIMERS_PER_CLOCK = 3;
const FIRST_TIMER_MS = 30_000;
const LAST_TIMER_MS = 60_000;

/**
 * Arms `count` clocks through the service's own code (domain start + the store's multi-row writes, with the
 * NOTIFY that wakes schedulers), 1,000 clocks per transaction, so that their timers fall evenly between
 * `windowStart` and `windowStart + windowMs`.
 */
export async function armClocks(
  dataSource: DataSource,
  count: number,
  windowStart: Date,
  windowMs: number,
  progress: (armed: number) => void,
): Promise<void> {
  const store = new TypeormClockStore(SCHEMA);
  const calendar = new WorkingCalendar(DEFAULT_CALENDARS_V1.calendars[0] as BusinessCalendar);
  const cause = { correlation: randomUUID(), causedBy: randomUUID() };
  const spread = windowMs - (LAST_TIMER_MS - FIRST_TIMER_MS);
  const chunk = 1000;
  for (let from = 0; from < count; from += chunk) {
    const changes: ClockChange[] = [];
    for (let i = from; i < Math.min(count, from + chunk); i++) {
      const startedAt = new Date(windowStart.getTime() - FIRST_TIMER_MS + Math.floor((spread * i) / count));
      const start = {
        id: randomUUID(),
        complaintId: randomUUID(),
        kind: 'first-response' as const,
        cycle: 1,
        startedAt,
      };
      changes.push(startClock(start, BENCH_TERMS, calendar, cause, 'classified'));
    }
    await dataSource.transaction(async (em) => {
      await store.saveClocks(
        em,
        changes.map((c) => c.clock),
      );
      await store.armTimers(
        em,
        changes.map((c) => ({ clockId: c.clock.id, timers: c.timers })),
      );
    });
    progress(Math.min(count, from + chunk));
  }
}
