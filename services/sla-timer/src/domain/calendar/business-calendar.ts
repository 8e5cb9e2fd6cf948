import { Weekday } from './local-time';

/** A span of working time within one day, `HH:MM` to `HH:MM` (the end may be `24:00`). */
export interface TimeRange {
  from: string;
  to: string;
}

/**
 * When people work, as operators maintain it: weekly hours, public holidays (no work), and make-up working days
 * (调休: a weekend day worked in exchange for a longer holiday), all read in the calendar's own time zone.
 */
export interface BusinessCalendar {
  id: string;
  description?: string;
  timeZone: string;
  weeklyHours: Record<Weekday, TimeRange[]>;
  /** `YYYY-MM-DD` dates with no working time, whatever the weekday. */
  holidays: string[];
  /** Dates worked with these hours instead of the weekday's (usually weekend days next to a long holiday). */
  makeUpWorkingDays: { date: string; hours: TimeRange[] }[];
}

/** A whole set of calendars, versioned like the policies: each PUT makes a new version. */
export interface CalendarSet {
  version: number;
  calendars: BusinessCalendar[];
}
