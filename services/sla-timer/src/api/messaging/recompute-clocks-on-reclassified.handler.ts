import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_RECLASSIFIED, EnvelopeOf } from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { ApplyClassificationService } from '../../application/apply-classification.service';
import { classificationInput, emitAll } from './event-mapping';

/**
 * complaint.reclassified -> open clocks recomputed under the policy the new classification selects. It carries the
 * whole classification, so it also starts the clocks if it arrives before (or instead of) complaint.classified.
 */
@Injectable()
export class RecomputeClocksOnReclassifiedHandler implements EventHandler<typeof COMPLAINT_RECLASSIFIED> {
  readonly name = 'recompute-clocks-on-reclassified';
  readonly consumes = [COMPLAINT_RECLASSIFIED] as const;

  constructor(
    @Inject(ApplyClassificationService) private readonly classification: ApplyClassificationService,
  ) {}

  async handle(event: EnvelopeOf<typeof COMPLAINT_RECLASSIFIED>, ctx: HandlerContext): Promise<void> {
    await emitAll(ctx, await this.classification.execute(classificationInput(event), ctx.em));
  }
}
