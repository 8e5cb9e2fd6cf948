import { Inject, Injectable } from '@nestjs/common';
import { JsonLogger, runWithLogContext } from '@complaints/observability';
import { Clock, CLOCK } from '../domain/clock';
import { CaseWorkflow } from './case-workflow.service';
import { OUTBOX_SINKS, OutboxSinks } from './ports/event-sink';
import { TIMER_STORE, TimerStore } from './ports/timer-store';
import { UNIT_OF_WORK, UnitOfWork } from './ports/unit-of-work';

/**
 * Fires due acknowledgement timers, one per short transaction: claim the timer (SKIP LOCKED, deleted with the
 * claim), lock the case, escalate again if the escalation is still open, write the event to the outbox, commit.
 * Several replicas never fire one timer twice, and a crash before the commit leaves the timer to fire again.
 */
@Injectable()
export class FireAcknowledgementTimersService {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(TIMER_STORE) private readonly timers: TimerStore,
    @Inject(CaseWorkflow) private readonly workflow: CaseWorkflow,
    @Inject(OUTBOX_SINKS) private readonly sinks: OutboxSinks,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JsonLogger) private readonly logger: JsonLogger,
  ) {}

  /** Fires every timer due now; returns how many were fired. */
  async fireDue(): Promise<number> {
    let fired = 0;
    while (await this.fireOne()) fired++;
    return fired;
  }

  /** The earliest due time of any timer (the scheduler sleeps until then). */
  nextDue(): Promise<Date | null> {
    return this.timers.nextDue();
  }

  private fireOne(): Promise<boolean> {
    return this.uow.run(async (em) => {
      const timer = await this.timers.claimDue(em, this.clock.now());
      if (!timer) return false;
      await runWithLogContext(
        { correlationid: timer.correlationId, subject: timer.complaintId },
        async () => {
          const sink = this.sinks.sinkFor(em, { correlationId: timer.correlationId });
          const effects = await this.workflow.apply(em, timer.complaintId, sink, timer, (c) =>
            c.acknowledgementOverdue(timer.escalationId),
          );
          this.logger.info('acknowledgement window ended', {
            escalationId: timer.escalationId,
            escalatedAgain: effects.some((e) => e.kind === 'escalated'),
          });
        },
      );
      return true;
    });
  }
}
