import { WorkingCalendar } from '../calendar/working-calendar';
import { ClockKind } from '../clock-kind';
import { measureFor, scheduleClock } from '../schedule/clock-schedule';
import { ClockTerms } from '../schedule/clock-terms';
import { Pause } from '../schedule/pause';
import { ClockChange, StartTrigger } from './clock-change';
import { isOpen, SlaClock } from './sla-clock';

/** Who moved the clock: the event's correlation and id, stamped on the clock for its timer-fired events. */
export interface Cause {
  correlation: string;
  causedBy: string;
}

/** Ends an open pause at `at` (never before it began). */
function closePauses(pauses: Pause[], at: Date): Pause[] {
  return pauses.map((p) => (p.to ? p : { from: p.from, to: at > p.from ? at : p.from }));
}

export function startClock(
  start: { id: string; complaintId: string; kind: ClockKind; cycle: number; startedAt: Date },
  terms: ClockTerms,
  calendar: WorkingCalendar,
  cause: Cause,
  trigger: StartTrigger,
): ClockChange {
  const schedule = scheduleClock(start.startedAt, terms, [], calendar);
  const clock: SlaClock = {
    ...start,
    terms,
    pauses: [],
    state: 'running',
    dueAt: schedule.dueAt,
    targetMs: schedule.targetMs,
    correlation: cause.correlation,
    causedBy: cause.causedBy,
  };
  return { clock, isNew: true, timers: schedule.timers, event: { type: 'sla.started', trigger } };
}

export function meetClock(
  clock: SlaClock,
  at: Date,
  calendar: WorkingCalendar,
  cause: Cause,
): ClockChange | undefined {
  if (!isOpen(clock)) return undefined;
  const pauses = closePauses(clock.pauses, at);
  const dueAt = scheduleClock(clock.startedAt, clock.terms, pauses, calendar).dueAt ?? at;
  return {
    clock: { ...clock, ...cause, pauses, state: 'met', dueAt, metAt: at, closedAt: at },
    isNew: false,
    timers: [],
    event: { type: 'sla.met', metAt: at, marginMs: dueAt.getTime() - at.getTime() },
  };
}

/** Only a running clock whose target pauses while the customer is asked for information pauses. */
export function pauseClock(
  clock: SlaClock,
  at: Date,
  calendar: WorkingCalendar,
  cause: Cause,
): ClockChange | undefined {
  if (clock.state !== 'running' || !clock.terms.target.pauseWhileAwaitingCustomer) return undefined;
  const pauses = [...clock.pauses, { from: at }];
  const schedule = scheduleClock(clock.startedAt, clock.terms, pauses, calendar);
  return {
    clock: { ...clock, ...cause, pauses, state: 'paused', dueAt: schedule.dueAt },
    isNew: false,
    timers: schedule.timers,
    event: { type: 'sla.paused', previousDueAt: clock.dueAt, remainingMs: schedule.remainingAtPauseMs ?? 0 },
  };
}

export function resumeClock(
  clock: SlaClock,
  at: Date,
  calendar: WorkingCalendar,
  cause: Cause,
): ClockChange | undefined {
  if (clock.state !== 'paused') return undefined;
  const pauses = closePauses(clock.pauses, at);
  const schedule = scheduleClock(clock.startedAt, clock.terms, pauses, calendar);
  return {
    clock: { ...clock, ...cause, pauses, state: 'running', dueAt: schedule.dueAt },
    isNew: false,
    timers: schedule.timers,
    event: { type: 'sla.resumed' },
  };
}

export function cancelClock(
  clock: SlaClock,
  at: Date,
  reason: string,
  calendar: WorkingCalendar,
  cause: Cause,
): ClockChange | undefined {
  if (!isOpen(clock)) return undefined;
  const pauses = closePauses(clock.pauses, at);
  const dueAt = scheduleClock(clock.startedAt, clock.terms, pauses, calendar).dueAt;
  return {
    clock: { ...clock, ...cause, pauses, state: 'cancelled', dueAt, closedAt: at, closeReason: reason },
    isNew: false,
    timers: [],
    event: { type: 'sla.cancelled', reason },
  };
}

/** New terms for an open clock: same start and pauses, a new deadline. Timers that already fired stay fired. */
export function retargetClock(
  clock: SlaClock,
  terms: ClockTerms,
  calendar: WorkingCalendar,
  cause: Cause,
  trigger: StartTrigger,
): ClockChange | undefined {
  if (!isOpen(clock)) return undefined;
  const schedule = scheduleClock(clock.startedAt, terms, clock.pauses, calendar);
  return {
    clock: { ...clock, ...cause, terms, dueAt: schedule.dueAt, targetMs: schedule.targetMs },
    isNew: false,
    timers: schedule.timers,
    event: { type: 'sla.started', trigger },
  };
}

/**
 * The due time to report for a clock: its deadline, or for a paused clock the deadline if it resumed at `at`
 * (the wire contracts always carry one).
 */
export function reportedDueAt(clock: SlaClock, at: Date, calendar: WorkingCalendar): Date {
  if (clock.dueAt) return clock.dueAt;
  const schedule = scheduleClock(clock.startedAt, clock.terms, closePauses(clock.pauses, at), calendar);
  return schedule.dueAt ?? measureFor(clock.terms.target, calendar).add(at, 0);
}
