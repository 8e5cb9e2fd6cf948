import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_CLASSIFIED, EnvelopeOf } from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { ComplaintClocksRepository } from '../../application/complaint-clocks.repository';
import { ApplyClassificationService } from '../../application/apply-classification.service';
import { classificationInput, emitAll } from './event-mapping';
import { ClockRunHandler } from './clock-run-handler';

/** complaint.classified -> the policy's clocks from receipt, with their durable timers, and sla.started. */
@Injectable()
export class StartClocksOnClassifiedHandler
  extends ClockRunHandler<typeof COMPLAINT_CLASSIFIED>
  implements EventHandler<typeof COMPLAINT_CLASSIFIED>
{
  readonly name = 'start-clocks-on-classified';
  readonly consumes = [COMPLAINT_CLASSIFIED] as const;

  constructor(
    @Inject(ApplyClassificationService) private readonly classification: ApplyClassificationService,
    @Inject(ComplaintClocksRepository) complaints: ComplaintClocksRepository,
  ) {
    super(complaints);
  }

  async handle(event: EnvelopeOf<typeof COMPLAINT_CLASSIFIED>, ctx: HandlerContext): Promise<void> {
    await emitAll(ctx, await this.classification.execute(classificationInput(event), ctx.em));
  }
}
