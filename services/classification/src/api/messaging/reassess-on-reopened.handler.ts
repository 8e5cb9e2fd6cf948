import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_RECLASSIFIED, COMPLAINT_REOPENED, EnvelopeOf } from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { ReassessOnReopenService } from '../../application/classify/reassess-on-reopen.service';

/** complaint.reopened -> the complaint assessed again; complaint.reclassified when the result changed. */
@Injectable()
export class ReassessOnReopenedHandler implements EventHandler<typeof COMPLAINT_REOPENED> {
  readonly name = 'reassess-on-reopened';
  readonly consumes = [COMPLAINT_REOPENED] as const;

  constructor(@Inject(ReassessOnReopenService) private readonly reassess: ReassessOnReopenService) {}

  async handle(event: EnvelopeOf<typeof COMPLAINT_REOPENED>, ctx: HandlerContext): Promise<void> {
    const reclassified = await this.reassess.execute(event.data, ctx.em);
    if (reclassified) {
      await ctx.emit({ type: COMPLAINT_RECLASSIFIED, subject: event.subject, data: reclassified });
    }
  }
}
