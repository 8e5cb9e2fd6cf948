import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, CLOCK } from '../domain/clock';
import { BREACH } from '../domain/schedule/clock-schedule';
import { clockFields } from './clock-events';
import { ALERT_PUBLISHER, AlertPublisher } from './ports/alert-publisher';
import { ClaimedTimer, TIMER_STORE, TimerStore } from './ports/timer-store';
import { SlaEventDraft } from './sla-event-draft';

export interface FiredBatch {
  /** Timers claimed and marked fired (including any whose clock had closed, which fire no event). */
  claimed: number;
  /** Fired time minus due time, per timer, in milliseconds. */
  latenessMs: number[];
}

/**
 * One short transaction of the scheduler: claim due timers (SKIP LOCKED), mark them fired, record breaches on
 * their clocks, and write sla.warning / sla.breached to the outbox. All of it commits together, so a timer fires
 * exactly once: a crash before the commit leaves it unfired for the next claim, and after the commit no claim
 * sees it again.
 */
@Injectable()
export class FireDueTimersService {
  constructor(
    @Inject(TIMER_STORE) private readonly timers: TimerStore,
    @Inject(ALERT_PUBLISHER) private readonly alerts: AlertPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async fireBatch(em: EntityManager, limit: number, firedBy: string): Promise<FiredBatch> {
    const now = this.clock.now();
    const due = await this.timers.claimDue(em, now, limit);
    if (due.length === 0) return { claimed: 0, latenessMs: [] };
    // A clock that was met or cancelled loses its timers in the same transaction; this only guards the invariant.
    const live = due.filter((t) => t.clockState === 'running' || t.clockState === 'paused');
    await this.timers.markFired(
      em,
      due.map((t) => t.timerId),
      now,
      firedBy,
    );
    await this.timers.markBreached(
      em,
      live.filter((t) => t.purpose === BREACH).map((t) => ({ clockId: t.clockId, breachedAt: t.fireAt })),
    );
    await this.alerts.publish(
      em,
      live.map((t) => ({ draft: alertOf(t, now), correlation: t.correlation })),
    );
    return { claimed: due.length, latenessMs: due.map((t) => now.getTime() - t.fireAt.getTime()) };
  }
}

function alertOf(timer: ClaimedTimer, now: Date): SlaEventDraft {
  const clock = { id: timer.clockId, complaintId: timer.complaintId, kind: timer.kind, terms: timer.terms };
  // A clock paused after crossing a warning has no due time; the warning then reports the time it was crossed.
  const base = clockFields(clock, timer.dueAt ?? timer.fireAt, now);
  if (timer.purpose === BREACH) {
    return {
      type: 'sla.breached',
      subject: timer.complaintId,
      data: { ...base, breachedAt: timer.fireAt.toISOString() },
      time: now,
    };
  }
  const threshold = Number(timer.purpose.slice('warning:'.length));
  return {
    type: 'sla.warning',
    subject: timer.complaintId,
    // The warning fires when this fraction of the target has been counted, so the rest is what remains.
    data: { ...base, threshold, remainingMs: Math.max(0, Math.round(timer.targetMs * (1 - threshold))) },
    time: now,
  };
}
