/**
 * Wall-clock arithmetic in an IANA time zone with nothing but the platform's Intl, so deadline maths stays plain
 * TypeScript. A local date is a calendar day in the zone; instants are UTC epoch milliseconds.
 */
export interface LocalDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the platform knows the zone (Intl throws a RangeError for unknown names). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at an instant, as if it were UTC: the difference to the instant is the offset. */
function wallClockAt(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
}

/** UTC offset of the zone at an instant, in milliseconds (east positive). */
export function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return wallClockAt(wholeSecond, timeZone) - wholeSecond;
}

export function localDateOf(instant: number, timeZone: string): LocalDate {
  const wall = new Date(wallClockAt(instant, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/**
 * The instant a wall-clock time of a local date happens in the zone. Like Temporal's "compatible" rule, a time
 * skipped by a spring-forward change is moved forward by the gap, and a time repeated by a fall-back change
 * means its first occurrence. `minuteOfDay` may be 1440 (24:00, the start of the next day).
 */
export function zonedInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * 60_000;
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const early = wall - offsetBefore;
  const late = wall - offsetAfter;
  const earlyValid = offsetAt(early, timeZone) === offsetBefore;
  const lateValid = offsetAt(late, timeZone) === offsetAfter;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  // Either only the earlier offset fits, or the wall time does not exist (a gap): using the offset from before
  // the change lands the same distance past the change, i.e. moved forward by the gap.
  return early;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()];
}

/** `YYYY-MM-DD`, the form holidays are written in. */
export function isoDate(date: LocalDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Parses `YYYY-MM-DD`; undefined for anything that is not a real calendar date. */
export function parseIsoDate(text: string): LocalDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isoDate(addDays(date, 0)) === text ? date : undefined;
}

/** Parses `HH:MM` (00:00 to 24:00) into minutes after midnight; undefined when malformed. */
export function parseMinuteOfDay(text: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : undefined;
}
