import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { HandlerContext, RunBuffer } from '@complaints/kafka';
import { NewDelivery } from '../../application/ports/delivery-store';
import { PlanDeliveriesService } from '../../application/plan-deliveries.service';
import { emitOutcomes } from './emit-outcomes';

/**
 * The deliveries the handlers planned in one consumer transaction, recorded together after its last event (one
 * statement for the whole run). Each notification.failed that recording answers is emitted as a follow-up of the
 * event that planned it. One instance serves every handler of the service, so a run that mixes their events still
 * records once.
 */
@Injectable()
export class PlannedDeliveries {
  /** Per transaction, each event's planned deliveries with the context that emits its follow-ups. */
  private readonly pending = new RunBuffer<{ ctx: HandlerContext; planned: NewDelivery[] }>(() => false);

  constructor(@Inject(PlanDeliveriesService) private readonly plan: PlanDeliveriesService) {}

  add(ctx: HandlerContext, planned: NewDelivery[]): void {
    if (planned.length === 0) return;
    this.pending.add(ctx.em, planned[0].eventId, { ctx, planned });
  }

  async record(em: EntityManager): Promise<void> {
    const run = this.pending.take(em);
    if (run.length === 0) return;
    const outcomes = await this.plan.record(
      em,
      run.flatMap((r) => r.planned),
    );
    for (const { ctx, planned } of run) {
      const ids = new Set(planned.map((d) => d.id));
      await emitOutcomes(
        ctx,
        outcomes.filter((o) => ids.has(o.event.data.notificationId)),
      );
    }
  }
}
