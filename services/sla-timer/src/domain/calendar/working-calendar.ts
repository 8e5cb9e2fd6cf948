import { BusinessCalendar, TimeRange } from './business-calendar';
import {
  addDays,
  isoDate,
  LocalDate,
  localDateOf,
  parseMinuteOfDay,
  weekdayOf,
  zonedInstant,
} from './local-time';
import { TimeMeasure } from './time-measure';

/** How far deadline maths looks ahead before deciding a calendar has no working time left (ten years). */
const SEARCH_LIMIT_DAYS = 3660;

type Interval = readonly [start: number, end: number];

/**
 * A business calendar ready for deadline maths: working time is counted only inside working hours, in the
 * calendar's time zone, skipping holidays and counting make-up working days. Every interval is converted to
 * instants endpoint by endpoint, so a day with a daylight-saving change simply has one hour more or less.
 */
export class WorkingCalendar implements TimeMeasure {
  private readonly holidays: Set<string>;
  private readonly makeUpDays: Map<string, TimeRange[]>;
  private readonly cache = new Map<string, Interval[]>();

  constructor(readonly definition: BusinessCalendar) {
    this.holidays = new Set(definition.holidays);
    this.makeUpDays = new Map(definition.makeUpWorkingDays.map((d) => [d.date, d.hours]));
  }

  get timeZone(): string {
    return this.definition.timeZone;
  }

  /** The working intervals of a local date, as instants, in order. */
  intervalsOn(date: LocalDate): Interval[] {
    const key = isoDate(date);
    let intervals = this.cache.get(key);
    if (!intervals) {
      intervals = this.rangesOn(key, date).map(
        (range) =>
          [
            zonedInstant(date, parseMinuteOfDay(range.from) ?? 0, this.timeZone),
            zonedInstant(date, parseMinuteOfDay(range.to) ?? 0, this.timeZone),
          ] as const,
      );
      intervals = intervals.filter(([start, end]) => end > start);
      if (this.cache.size > 4096) this.cache.clear();
      this.cache.set(key, intervals);
    }
    return intervals;
  }

  /** The instant at which `ms` of working time has passed since `from`. */
  add(from: Date, ms: number): Date {
    const start = from.getTime();
    let remaining = ms;
    let date = localDateOf(start, this.timeZone);
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, date = addDays(date, 1)) {
      for (const [a, b] of this.intervalsOn(date)) {
        if (b <= start) continue;
        const begin = Math.max(a, start);
        if (b - begin >= remaining) return new Date(begin + remaining);
        remaining -= b - begin;
      }
    }
    throw new NoWorkingTimeError(this.definition.id);
  }

  /** Working time between two instants (0 when `to` is not after `from`). */
  between(from: Date, to: Date): number {
    const a = from.getTime();
    const b = to.getTime();
    if (b <= a) return 0;
    let total = 0;
    let date = localDateOf(a, this.timeZone);
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, date = addDays(date, 1)) {
      if (zonedInstant(date, 0, this.timeZone) >= b) break;
      for (const [start, end] of this.intervalsOn(date)) {
        total += Math.max(0, Math.min(end, b) - Math.max(start, a));
      }
    }
    return total;
  }

  /** The end of the day `days` calendar days after the local date of `from`: the day of receipt is not counted. */
  endOfCalendarDay(from: Date, days: number): Date {
    const last = addDays(localDateOf(from.getTime(), this.timeZone), days);
    return new Date(zonedInstant(addDays(last, 1), 0, this.timeZone));
  }

  /** Close of business on the `days`-th working day after the local date of `from`. */
  endOfWorkingDay(from: Date, days: number): Date {
    let date = localDateOf(from.getTime(), this.timeZone);
    let counted = 0;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
      date = addDays(date, 1);
      const intervals = this.intervalsOn(date);
      if (intervals.length > 0 && ++counted === days) return new Date(intervals[intervals.length - 1][1]);
    }
    throw new NoWorkingTimeError(this.definition.id);
  }

  private rangesOn(key: string, date: LocalDate): TimeRange[] {
    const makeUp = this.makeUpDays.get(key);
    if (makeUp) return makeUp;
    if (this.holidays.has(key)) return [];
    return this.definition.weeklyHours[weekdayOf(date)] ?? [];
  }
}

export class NoWorkingTimeError extends Error {
  constructor(calendarId: string) {
    super(`calendar ${calendarId} has no working time within ten years`);
    this.name = 'NoWorkingTimeError';
  }
}
