import { BusinessCalendar } from './business-calendar';
import { calendarProblems } from './calendar-rules';

const office = [{ from: '09:00', to: '17:00' }];
const calendar = (extra: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  id: 'cn',
  timeZone: 'Asia/Shanghai',
  weeklyHours: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
  holidays: ['2026-10-01'],
  makeUpWorkingDays: [{ date: '2026-10-10', hours: office }],
  ...extra,
});

describe('calendar rules', () => {
  it('accepts a well-formed calendar', () => {
    expect(calendarProblems([calendar()])).toEqual([]);
  });

  it('names every problem: zone, overlapping hours, bad dates, a date both off and worked, a duplicate id', () => {
    // Given a calendar with each kind of mistake
    const bad = calendar({
      timeZone: 'Asia/Atlantis',
      weeklyHours: {
        ...calendar().weeklyHours,
        mon: [
          { from: '09:00', to: '12:00' },
          { from: '11:00', to: '17:00' },
        ],
        tue: [{ from: '17:00', to: '09:00' }],
      },
      holidays: ['2026-02-30', '2026-10-10'],
    });
    // Then each is reported at its path
    expect(calendarProblems([calendar(), bad]).map((p) => p.field)).toEqual([
      'calendars[1].id',
      'calendars[1].timeZone',
      'calendars[1].weeklyHours.mon[1]',
      'calendars[1].weeklyHours.tue[0]',
      'calendars[1].holidays[0]',
      'calendars[1].makeUpWorkingDays[0].date',
    ]);
  });

  it('refuses a week without any working hours', () => {
    const idle = calendar({ weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    expect(calendarProblems([idle]).map((p) => p.field)).toEqual(['calendars[0].weeklyHours']);
  });
});
