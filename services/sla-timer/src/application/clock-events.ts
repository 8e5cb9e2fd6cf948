import { WorkingCalendar } from '../domain/calendar/working-calendar';
import { ClockChange } from '../domain/clocks/clock-change';
import { reportedDueAt } from '../domain/clocks/clock-transitions';
import { SlaClock } from '../domain/clocks/sla-clock';
import { nominalMinutes, policyRef } from '../domain/schedule/clock-terms';
import { SlaEventDraft } from './sla-event-draft';

/** The fields every sla.* event carries about its clock. */
export function clockFields(
  clock: Pick<SlaClock, 'id' | 'complaintId' | 'kind' | 'terms'>,
  dueAt: Date,
  now: Date,
) {
  return {
    complaintId: clock.complaintId,
    clockId: clock.id,
    kind: clock.kind,
    policyId: policyRef(clock.terms),
    dueAt: dueAt.toISOString(),
    occurredAt: now.toISOString(),
  };
}

/** The event that tells the world about a clock change; `now` is when sla-timer noticed it. */
export function eventOf(change: ClockChange, calendar: WorkingCalendar, now: Date): SlaEventDraft {
  const { clock, event } = change;
  const base = clockFields(clock, reportedDueAt(clock, now, calendar), now);
  const subject = clock.complaintId;
  switch (event.type) {
    case 'sla.started': {
      const target = clock.terms.target;
      const data = {
        ...base,
        startedAt: clock.startedAt.toISOString(),
        businessTime: target.basis === 'business',
        targetMinutes: nominalMinutes(target),
        trigger: event.trigger,
        targetAmount: target.amount,
        targetUnit: target.unit,
        calendarId: clock.terms.calendarId,
        cycle: clock.cycle,
      };
      return { type: 'sla.started', subject, data, time: now };
    }
    case 'sla.met':
      return {
        type: 'sla.met',
        subject,
        data: { ...base, metAt: event.metAt.toISOString(), marginMs: event.marginMs },
        time: now,
      };
    case 'sla.paused': {
      const dueAt = (event.previousDueAt ?? reportedDueAt(clock, now, calendar)).toISOString();
      return {
        type: 'sla.paused',
        subject,
        data: { ...base, dueAt, remainingMs: event.remainingMs },
        time: now,
      };
    }
    case 'sla.resumed':
      return { type: 'sla.resumed', subject, data: base, time: now };
    case 'sla.cancelled':
      return { type: 'sla.cancelled', subject, data: { ...base, reason: event.reason }, time: now };
  }
}
