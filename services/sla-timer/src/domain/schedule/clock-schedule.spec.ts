import { WorkingCalendar } from '../calendar/working-calendar';
import { ClockTarget } from '../policy/sla-policy';
import { scheduleClock, whenElapsed } from './clock-schedule';
import { CONTINUOUS_TIME } from '../calendar/time-measure';
import { ClockTerms } from './clock-terms';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const office = [{ from: '09:00', to: '17:00' }];
const shanghai = new WorkingCalendar({
  id: 'cn',
  timeZone: 'Asia/Shanghai',
  weeklyHours: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
  holidays: [],
  makeUpWorkingDays: [],
});
const cst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

function terms(target: Partial<ClockTarget>, warningFractions = [0.5, 0.8]): ClockTerms {
  return {
    policyId: 'p',
    policyVersion: 1,
    calendarId: 'cn',
    warningFractions,
    target: {
      kind: 'resolution',
      amount: 24,
      unit: 'hours',
      basis: '24x7',
      pauseWhileAwaitingCustomer: true,
      restartOnReopen: true,
      ...target,
    },
  };
}

describe('clock schedule', () => {
  it('puts warnings at their fractions of the target and the breach at the due time', () => {
    // Given a 15-minute 24x7 target started at 09:00 with warnings at 50% and 80%
    const schedule = scheduleClock(
      cst('2026-11-20 09:00'),
      terms({ amount: 15, unit: 'minutes' }),
      [],
      shanghai,
    );
    // Then the timers fire at 09:07:30, 09:12 and 09:15
    expect(schedule.dueAt).toEqual(cst('2026-11-20 09:15'));
    expect(schedule.timers).toEqual([
      { purpose: 'warning:0.5', fireAt: new Date(cst('2026-11-20 09:00').getTime() + 7.5 * MINUTE) },
      { purpose: 'warning:0.8', fireAt: cst('2026-11-20 09:12') },
      { purpose: 'breach', fireAt: cst('2026-11-20 09:15') },
    ]);
  });

  it('does not count paused time: the due time moves by exactly the pause', () => {
    // Given a 24-hour clock from Monday 09:00, paused from 10:00 to 14:30 the same day
    const pauses = [{ from: cst('2026-11-23 10:00'), to: cst('2026-11-23 14:30') }];
    const schedule = scheduleClock(cst('2026-11-23 09:00'), terms({}), pauses, shanghai);
    // Then it is due 4.5 hours later than without the pause
    expect(schedule.dueAt).toEqual(cst('2026-11-24 13:30'));
  });

  it('adds up several pauses, and a warning reached before a pause is not moved by it', () => {
    // Given a 10-hour clock with warnings at 50%, paused 1 h after 6 h and again 2 h after 8 h of running
    const start = cst('2026-11-23 00:00');
    const pauses = [
      { from: cst('2026-11-23 06:00'), to: cst('2026-11-23 07:00') },
      { from: cst('2026-11-23 09:00'), to: cst('2026-11-23 11:00') },
    ];
    const schedule = scheduleClock(start, terms({ amount: 10 }, [0.5]), pauses, shanghai);
    // Then the warning stays at 05:00, and the breach moves by 3 hours to 13:00
    expect(schedule.timers).toEqual([
      { purpose: 'warning:0.5', fireAt: cst('2026-11-23 05:00') },
      { purpose: 'breach', fireAt: cst('2026-11-23 13:00') },
    ]);
  });

  it('has no due time while paused, and keeps what was left when it paused', () => {
    // Given a 24-hour clock paused after 6 hours
    const pauses = [{ from: cst('2026-11-23 15:00') }];
    const schedule = scheduleClock(cst('2026-11-23 09:00'), terms({}), pauses, shanghai);
    // Then 18 hours remain and no timer is armed until it resumes
    expect(schedule.dueAt).toBeNull();
    expect(schedule.remainingAtPauseMs).toBe(18 * HOUR);
    expect(schedule.timers).toEqual([]);
  });

  it('counts only working time while paused across a weekend for a business clock', () => {
    // Given an 8-working-hour clock from Friday 09:00, paused Friday 13:00 to Monday 13:00
    const pauses = [{ from: cst('2026-11-27 13:00'), to: cst('2026-11-30 13:00') }];
    const schedule = scheduleClock(
      cst('2026-11-27 09:00'),
      terms({ amount: 8, basis: 'business' }),
      pauses,
      shanghai,
    );
    // Then 4 hours were used before the pause and 4 remain after it: due Monday at close of business
    expect(schedule.dueAt).toEqual(cst('2026-11-30 17:00'));
  });

  it('gives the regulatory decision 15 calendar days ending at midnight in the calendar zone', () => {
    // Given a complaint received on 2026-11-20 at 17:15 in Shanghai
    const schedule = scheduleClock(
      cst('2026-11-20 17:15'),
      terms({ amount: 15, unit: 'days' }),
      [],
      shanghai,
    );
    // Then the decision is due at the end of December 5th, Shanghai time
    expect(schedule.dueAt).toEqual(cst('2026-12-06 00:00'));
  });

  it('counts business days to close of business', () => {
    // Given a complaint on Friday, When 3 business days are counted, Then Wednesday 17:00 ends them
    const schedule = scheduleClock(
      cst('2026-11-27 10:00'),
      terms({ amount: 3, unit: 'days', basis: 'business' }),
      [],
      shanghai,
    );
    expect(schedule.dueAt).toEqual(cst('2026-12-02 17:00'));
  });

  it('treats a pause that starts before the clock as counting from its end', () => {
    // Given a pause that ended at 10:00, When 1 hour is counted from 09:00, Then it is reached at 11:00
    const elapsed = whenElapsed(
      cst('2026-11-23 09:00'),
      [{ from: cst('2026-11-23 08:00'), to: cst('2026-11-23 10:00') }],
      HOUR,
      CONTINUOUS_TIME,
    );
    expect(elapsed).toEqual({ at: cst('2026-11-23 11:00') });
  });
});
