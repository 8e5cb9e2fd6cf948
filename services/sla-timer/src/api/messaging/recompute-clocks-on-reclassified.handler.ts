import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_RECLASSIFIED, EnvelopeOf } from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { ComplaintClocksRepository } from '../../application/complaint-clocks.repository';
import { ApplyClassificationService } from '../../application/apply-classification.service';
import { classificationInput, emitAll } from './event-mapping';
import { ClockRunHandler } from './clock-run-handler';

/**
 * complaint.reclassified -> open clocks recomputed under the policy the new classification selects. It carries the
 * whole classification, so it also starts the clocks if it arrives before (or instead of) complaint.classified.
 */
@Injectable()
export class RecomputeClocksOnReclassifiedHandler
  extends ClockRunHandler<typeof COMPLAINT_RECLASSIFIED>
  implements EventHandler<typeof COMPLAINT_RECLASSIFIED>
{
  readonly name = 'recompute-clocks-on-reclassified';
  readonly consumes = [COMPLAINT_RECLASSIFIED] as const;

  constructor(
    @Inject(ApplyClassificationService) private readonly classification: ApplyClassificationService,
    @Inject(ComplaintClocksRepository) complaints: ComplaintClocksRepository,
  ) {
    super(complaints);
  }

  async handle(event: EnvelopeOf<typeof COMPLAINT_RECLASSIFIED>, ctx: HandlerContext): Promise<void> {
    await emitAll(ctx, await this.classification.execute(classificationInput(event), ctx.em));
  }
}
