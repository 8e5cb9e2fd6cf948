import { FieldProblem } from '../field-problem';
import { BusinessCalendar, TimeRange } from './business-calendar';
import { isKnownTimeZone, parseIsoDate, parseMinuteOfDay, WEEKDAYS } from './local-time';

/**
 * What the shape validation of a PUT cannot check: real time zones and dates, ordered non-overlapping hours, a
 * week with some working time, unique ids, and no date that is both a holiday and a make-up working day.
 */
export function calendarProblems(calendars: BusinessCalendar[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  calendars.forEach((calendar, i) => {
    const at = `calendars[${i}]`;
    if (seen.has(calendar.id))
      problems.push({ field: `${at}.id`, message: `duplicate calendar id ${calendar.id}` });
    seen.add(calendar.id);
    if (!isKnownTimeZone(calendar.timeZone)) {
      problems.push({ field: `${at}.timeZone`, message: `unknown IANA time zone ${calendar.timeZone}` });
    }
    for (const day of WEEKDAYS) {
      problems.push(...rangeProblems(calendar.weeklyHours[day] ?? [], `${at}.weeklyHours.${day}`));
    }
    if (WEEKDAYS.every((day) => (calendar.weeklyHours[day] ?? []).length === 0)) {
      problems.push({
        field: `${at}.weeklyHours`,
        message: 'a calendar needs working hours on at least one weekday',
      });
    }
    problems.push(...dateProblems(calendar, at));
  });
  return problems;
}

function dateProblems(calendar: BusinessCalendar, at: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const holidays = new Set<string>();
  calendar.holidays.forEach((date, j) => {
    if (!parseIsoDate(date))
      problems.push({ field: `${at}.holidays[${j}]`, message: `${date} is not a date` });
    holidays.add(date);
  });
  const makeUp = new Set<string>();
  calendar.makeUpWorkingDays.forEach((day, j) => {
    const field = `${at}.makeUpWorkingDays[${j}]`;
    if (!parseIsoDate(day.date))
      problems.push({ field: `${field}.date`, message: `${day.date} is not a date` });
    if (holidays.has(day.date)) {
      problems.push({ field: `${field}.date`, message: `${day.date} is also listed as a holiday` });
    }
    if (makeUp.has(day.date))
      problems.push({ field: `${field}.date`, message: `${day.date} is listed twice` });
    makeUp.add(day.date);
    if (day.hours.length === 0)
      problems.push({ field: `${field}.hours`, message: 'a working day needs hours' });
    problems.push(...rangeProblems(day.hours, `${field}.hours`));
  });
  return problems;
}

function rangeProblems(ranges: TimeRange[], field: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let previousEnd = -1;
  ranges.forEach((range, k) => {
    const from = parseMinuteOfDay(range.from);
    const to = parseMinuteOfDay(range.to);
    if (from === undefined || to === undefined || from >= to || from === 1440) {
      problems.push({
        field: `${field}[${k}]`,
        message: `${range.from}-${range.to} is not a range within a day`,
      });
      return;
    }
    if (from < previousEnd) {
      problems.push({ field: `${field}[${k}]`, message: 'ranges must be in order and must not overlap' });
    }
    previousEnd = to;
  });
  return problems;
}
