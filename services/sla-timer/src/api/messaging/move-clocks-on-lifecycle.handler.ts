import { Inject, Injectable } from '@nestjs/common';
import {
  COMPLAINT_ACKNOWLEDGED,
  COMPLAINT_AWAITING_CUSTOMER,
  COMPLAINT_CLOSED,
  COMPLAINT_CUSTOMER_REPLIED,
  COMPLAINT_DEADLINE_EXTENDED,
  COMPLAINT_REOPENED,
  COMPLAINT_RESOLVED,
  COMPLAINT_WITHDRAWN,
  EnvelopeOf,
} from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { ComplaintClocksRepository } from '../../application/complaint-clocks.repository';
import { ApplyLifecycleService } from '../../application/apply-lifecycle.service';
import { LifecycleFactType } from '../../domain/clocks/lifecycle-fact';
import { emitAll } from './event-mapping';
import { ClockRunHandler } from './clock-run-handler';

const LIFECYCLE_TYPES = [
  COMPLAINT_ACKNOWLEDGED,
  COMPLAINT_AWAITING_CUSTOMER,
  COMPLAINT_CUSTOMER_REPLIED,
  COMPLAINT_RESOLVED,
  COMPLAINT_REOPENED,
  COMPLAINT_CLOSED,
  COMPLAINT_WITHDRAWN,
  COMPLAINT_DEADLINE_EXTENDED,
] as const;
type LifecycleType = (typeof LIFECYCLE_TYPES)[number];

/** Intake's lifecycle events -> clocks met, paused, resumed, cancelled, restarted or extended. */
@Injectable()
export class MoveClocksOnLifecycleHandler
  extends ClockRunHandler<LifecycleType>
  implements EventHandler<LifecycleType>
{
  readonly name = 'move-clocks-on-lifecycle';
  readonly consumes = LIFECYCLE_TYPES;

  constructor(
    @Inject(ApplyLifecycleService) private readonly lifecycle: ApplyLifecycleService,
    @Inject(ComplaintClocksRepository) complaints: ComplaintClocksRepository,
  ) {
    super(complaints);
  }

  async handle(event: EnvelopeOf<LifecycleType>, ctx: HandlerContext): Promise<void> {
    const data = event.data;
    const fact = {
      type: event.type.slice('complaint.'.length) as LifecycleFactType,
      version: data.version,
      status: data.status,
      occurredAt: new Date(data.occurredAt),
      newTotalDays: 'newTotalDays' in data ? data.newTotalDays : undefined,
    };
    const input = {
      complaintId: data.complaintId,
      fact,
      eventId: event.id,
      correlation: event.correlationid,
    };
    await emitAll(ctx, await this.lifecycle.execute(input, ctx.em));
  }
}
