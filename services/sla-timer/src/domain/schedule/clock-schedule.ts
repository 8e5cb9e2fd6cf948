import { CONTINUOUS_TIME, TimeMeasure } from '../calendar/time-measure';
import { WorkingCalendar } from '../calendar/working-calendar';
import { ClockTarget } from '../policy/sla-policy';
import { ClockTerms } from './clock-terms';
import { Pause } from './pause';

export const BREACH = 'breach';

/** A durable timer to arm: a warning at a fraction of the target, or the breach at the due time. */
export interface PlannedTimer {
  purpose: string;
  fireAt: Date;
}

export interface ClockSchedule {
  /** The target as counted time (working time for business clocks). */
  targetMs: number;
  /** When the target is reached; null while the clock is paused. */
  dueAt: Date | null;
  /** Counted time left; for a paused clock, what was left when it paused. */
  remainingAtPauseMs: number | null;
  timers: PlannedTimer[];
}

export function warningPurpose(fraction: number): string {
  return `warning:${fraction}`;
}

export function measureFor(target: ClockTarget, calendar: WorkingCalendar): TimeMeasure {
  return target.basis === 'business' ? calendar : CONTINUOUS_TIME;
}

/** The target as counted time from `startedAt`: days end at midnight (24x7) or close of business (business). */
export function targetSpan(target: ClockTarget, startedAt: Date, calendar: WorkingCalendar): number {
  const measure = measureFor(target, calendar);
  switch (target.unit) {
    case 'minutes':
      return target.amount * 60_000;
    case 'hours':
      return target.amount * 3_600_000;
    case 'days': {
      const end =
        target.basis === 'business'
          ? calendar.endOfWorkingDay(startedAt, target.amount)
          : calendar.endOfCalendarDay(startedAt, target.amount);
      return measure.between(startedAt, end);
    }
  }
}

type Elapsed = { at: Date } | { pausedWithRemaining: number };

/**
 * When `amount` of counted time has passed since `startedAt`, skipping paused spans. While the clock is paused
 * before reaching it, there is no such instant yet: the answer is what remains.
 */
export function whenElapsed(startedAt: Date, pauses: Pause[], amount: number, measure: TimeMeasure): Elapsed {
  let cursor = startedAt;
  let remaining = amount;
  for (const pause of [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    if (pause.from > cursor) {
      const counted = measure.between(cursor, pause.from);
      if (counted >= remaining) return { at: measure.add(cursor, remaining) };
      remaining -= counted;
    }
    if (!pause.to) return { pausedWithRemaining: remaining };
    if (pause.to > cursor) cursor = pause.to;
  }
  return { at: measure.add(cursor, remaining) };
}

/** Where a clock's deadline and timers stand, from its start, its terms and its pauses. */
export function scheduleClock(
  startedAt: Date,
  terms: ClockTerms,
  pauses: Pause[],
  calendar: WorkingCalendar,
): ClockSchedule {
  const measure = measureFor(terms.target, calendar);
  const targetMs = targetSpan(terms.target, startedAt, calendar);
  const due = whenElapsed(startedAt, pauses, targetMs, measure);
  const timers: PlannedTimer[] = [];
  for (const fraction of terms.warningFractions) {
    const warning = whenElapsed(startedAt, pauses, Math.round(targetMs * fraction), measure);
    if ('at' in warning) timers.push({ purpose: warningPurpose(fraction), fireAt: warning.at });
  }
  if ('at' in due) timers.push({ purpose: BREACH, fireAt: due.at });
  return {
    targetMs,
    dueAt: 'at' in due ? due.at : null,
    remainingAtPauseMs: 'at' in due ? null : due.pausedWithRemaining,
    timers,
  };
}

/** Counted time left at `now`: 0 once due, what was left at the pause while paused. */
export function remainingAt(schedule: ClockSchedule, now: Date, measure: TimeMeasure): number {
  if (schedule.dueAt === null) return schedule.remainingAtPauseMs ?? 0;
  return measure.between(now, schedule.dueAt);
}
