import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_CLASSIFIED, COMPLAINT_RECLASSIFIED, EnvelopeOf } from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { ApplyComplaintFactsService } from '../../application/apply-complaint-facts.service';
import { flowOf } from './handler-flow';

type ClassificationEvent = typeof COMPLAINT_CLASSIFIED | typeof COMPLAINT_RECLASSIFIED;

/**
 * complaint.classified / reclassified -> the owner (complaint.assigned), or a new owner when a newer revision
 * routes elsewhere; triggers that came before the classification are applied then.
 */
@Injectable()
export class AssignOnClassifiedHandler implements EventHandler<ClassificationEvent> {
  readonly name = 'assign-on-classified';
  readonly consumes = [COMPLAINT_CLASSIFIED, COMPLAINT_RECLASSIFIED] as const;

  constructor(@Inject(ApplyComplaintFactsService) private readonly facts: ApplyComplaintFactsService) {}

  async handle(event: EnvelopeOf<ClassificationEvent>, ctx: HandlerContext): Promise<void> {
    await this.facts.classified(ctx.em, event.data, flowOf(event, ctx));
  }
}
