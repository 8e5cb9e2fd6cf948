import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_CLASSIFIED, COMPLAINT_RECEIVED, EnvelopeOf } from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { ClassifyComplaintService } from '../../application/classify/classify-complaint.service';

/** complaint.received -> classification row + complaint.classified, once per event (inbox) and per complaint. */
@Injectable()
export class ClassifyOnReceivedHandler implements EventHandler<typeof COMPLAINT_RECEIVED> {
  readonly name = 'classify-on-received';
  readonly consumes = [COMPLAINT_RECEIVED] as const;

  constructor(@Inject(ClassifyComplaintService) private readonly classify: ClassifyComplaintService) {}

  async handle(event: EnvelopeOf<typeof COMPLAINT_RECEIVED>, ctx: HandlerContext): Promise<void> {
    const classified = await this.classify.execute(event.data, ctx.em);
    if (classified) {
      await ctx.emit({ type: COMPLAINT_CLASSIFIED, subject: event.subject, data: classified });
    }
  }
}
