import fc from 'fast-check';
import { BusinessCalendar, TimeRange } from './business-calendar';
import { isoDate, localDateOf, offsetAt, parseMinuteOfDay, weekdayOf } from './local-time';
import { NoWorkingTimeError, WorkingCalendar } from './working-calendar';

const HOUR = 3_600_000;
const office: TimeRange[] = [
  { from: '09:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];

function calendar(overrides: Partial<BusinessCalendar> = {}): WorkingCalendar {
  return new WorkingCalendar({
    id: 'test',
    timeZone: 'Asia/Shanghai',
    weeklyHours: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
    // National Day 2026: Oct 1-7 off; Sep 20 (Sun) and Oct 10 (Sat) worked instead.
    holidays: [
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
    makeUpWorkingDays: [
      { date: '2026-09-20', hours: office },
      { date: '2026-10-10', hours: office },
    ],
    ...overrides,
  });
}

/** Shanghai wall-clock time as an instant: `2026-11-23 09:00` -> Date. */
const cst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

describe('working time in a business calendar', () => {
  const cn = calendar();

  it('counts within one working morning', () => {
    // Given Monday 09:30, When 2 working hours pass, Then it is 11:30 the same day
    expect(cn.add(cst('2026-11-23 09:30'), 2 * HOUR)).toEqual(cst('2026-11-23 11:30'));
  });

  it('skips the lunch break', () => {
    // Given Monday 11:00, When 2 working hours pass, Then the hour from 12:00 to 13:00 is not counted
    expect(cn.add(cst('2026-11-23 11:00'), 2 * HOUR)).toEqual(cst('2026-11-23 14:00'));
  });

  it('carries over the night to the next morning', () => {
    // Given Monday 16:30, When 2 working hours pass, Then half an hour is Monday's and 1.5 hours Tuesday's
    expect(cn.add(cst('2026-11-23 16:30'), 2 * HOUR)).toEqual(cst('2026-11-24 10:30'));
  });

  it('carries over the weekend to Monday', () => {
    // Given Friday 16:00, When 2 working hours pass, Then the deadline is Monday 10:00
    expect(cn.add(cst('2026-11-27 16:00'), 2 * HOUR)).toEqual(cst('2026-11-30 10:00'));
  });

  it('starts counting at the next opening when started out of hours', () => {
    // Given a complaint on Saturday night, When 1 working hour passes, Then it is Monday 10:00
    expect(cn.add(cst('2026-11-28 22:00'), HOUR)).toEqual(cst('2026-11-30 10:00'));
  });

  it('skips public holidays', () => {
    // Given the afternoon before National Day, When 2 working hours pass, Then the week of holidays is skipped
    expect(cn.add(cst('2026-09-30 16:00'), 2 * HOUR)).toEqual(cst('2026-10-08 10:00'));
  });

  it('counts make-up working days on a weekend', () => {
    // Given Friday Oct 9 16:00, When 2 working hours pass, Then Saturday Oct 10 (a make-up day) counts
    expect(cn.add(cst('2026-10-09 16:00'), 2 * HOUR)).toEqual(cst('2026-10-10 10:00'));
    expect(cn.add(cst('2026-09-18 16:00'), 2 * HOUR)).toEqual(cst('2026-09-20 10:00'));
  });

  it('measures working time between instants, the inverse of adding it', () => {
    // Given Friday 16:00 and Monday 10:00, Then 2 working hours lie between them, and none in reverse order
    expect(cn.between(cst('2026-11-27 16:00'), cst('2026-11-30 10:00'))).toBe(2 * HOUR);
    expect(cn.between(cst('2026-09-30 08:00'), cst('2026-10-08 18:00'))).toBe(14 * HOUR);
    expect(cn.between(cst('2026-11-30 10:00'), cst('2026-11-27 16:00'))).toBe(0);
  });

  it('ends a count of working days at close of business, not counting the day of receipt', () => {
    // Given a complaint on Wednesday Sep 30, When 3 working days are counted, Then the holiday week is skipped
    expect(cn.endOfWorkingDay(cst('2026-09-30 10:00'), 3)).toEqual(cst('2026-10-10 17:00'));
  });

  it('ends a count of calendar days at midnight, not counting the day of receipt', () => {
    // Given a complaint received at 23:50 on Nov 1 in Shanghai, When 15 calendar days are counted, Then Nov 16 ends it
    expect(cn.endOfCalendarDay(cst('2026-11-01 23:50'), 15)).toEqual(cst('2026-11-17 00:00'));
  });

  it('refuses to look for working time forever in a calendar that has none', () => {
    const never = calendar({
      weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      makeUpWorkingDays: [],
    });
    expect(() => never.add(cst('2026-11-23 09:00'), HOUR)).toThrow(NoWorkingTimeError);
  });
});

describe('working time across daylight-saving changes', () => {
  const allDay: TimeRange[] = [{ from: '00:00', to: '24:00' }];
  const nineToFive: TimeRange[] = [{ from: '09:00', to: '17:00' }];
  const week = (hours: TimeRange[], weekend: TimeRange[] = []) => ({
    mon: hours,
    tue: hours,
    wed: hours,
    thu: hours,
    fri: hours,
    sat: weekend,
    sun: weekend,
  });

  it('has a 23-hour day when New York springs forward', () => {
    // Given a calendar working all day every day in New York, Then Sunday 2026-03-08 has 23 working hours
    const ny = calendar({
      timeZone: 'America/New_York',
      weeklyHours: week(allDay, allDay),
      holidays: [],
      makeUpWorkingDays: [],
    });
    expect(ny.between(new Date('2026-03-08T05:00:00Z'), new Date('2026-03-09T04:00:00Z'))).toBe(23 * HOUR);
  });

  it('has a 25-hour day when London falls back', () => {
    const london = calendar({
      timeZone: 'Europe/London',
      weeklyHours: week(allDay, allDay),
      holidays: [],
      makeUpWorkingDays: [],
    });
    expect(london.between(new Date('2026-10-24T23:00:00Z'), new Date('2026-10-26T00:00:00Z'))).toBe(
      25 * HOUR,
    );
  });

  it('keeps office hours at 09:00 local time on both sides of the change', () => {
    // Given a New York office, Friday 2026-03-06 16:00 EST, When 2 working hours pass, Then Monday 10:00 EDT
    const ny = calendar({
      timeZone: 'America/New_York',
      weeklyHours: week(nineToFive),
      holidays: [],
      makeUpWorkingDays: [],
    });
    expect(ny.add(new Date('2026-03-06T21:00:00Z'), 2 * HOUR)).toEqual(new Date('2026-03-09T14:00:00Z'));
  });
});

/** The oracle: step minute by minute and ask, for each one, whether the calendar works then. */
function isWorkingMinute(definition: BusinessCalendar, instant: number): boolean {
  const date = localDateOf(instant, definition.timeZone);
  const key = isoDate(date);
  const minute = Math.floor(((instant + offsetAt(instant, definition.timeZone)) % 86_400_000) / 60_000);
  const makeUp = definition.makeUpWorkingDays.find((d) => d.date === key);
  const ranges = makeUp
    ? makeUp.hours
    : definition.holidays.includes(key)
      ? []
      : definition.weeklyHours[weekdayOf(date)];
  return ranges.some(
    (r) => minute >= (parseMinuteOfDay(r.from) ?? 0) && minute < (parseMinuteOfDay(r.to) ?? 0),
  );
}

describe('working time against a minute-by-minute oracle', () => {
  const zones = ['Asia/Shanghai', 'Europe/London', 'America/New_York'];

  it('adds and measures working time exactly as counting minutes does, in zones with and without DST', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // Minute-aligned starts from 2026-02-20 to 2026-11-20, spanning both DST changes in each zone.
        fc.integer({ min: 0, max: 270 * 1440 }),
        fc.integer({ min: 1, max: 16 * 60 }),
        (timeZone, startMinute, workingMinutes) => {
          const cal = calendar({ timeZone });
          const start = Date.UTC(2026, 1, 20) + startMinute * 60_000;
          const due = cal.add(new Date(start), workingMinutes * 60_000).getTime();
          let counted = 0;
          let cursor = start;
          while (counted < workingMinutes) {
            if (isWorkingMinute(cal.definition, cursor)) counted++;
            cursor += 60_000;
          }
          expect(due).toBe(cursor);
          expect(cal.between(new Date(start), new Date(due))).toBe(workingMinutes * 60_000);
        },
      ),
      { numRuns: 60 },
    );
  });
});
