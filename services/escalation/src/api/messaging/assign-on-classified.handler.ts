import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_ASSIGNED, COMPLAINT_CLASSIFIED, EnvelopeOf } from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { AssignComplaintService } from '../../application/assign-complaint.service';

/** complaint.classified -> assignment row + complaint.assigned. */
@Injectable()
export class AssignOnClassifiedHandler implements EventHandler<typeof COMPLAINT_CLASSIFIED> {
  readonly name = 'assign-on-classified';
  readonly consumes = [COMPLAINT_CLASSIFIED] as const;

  constructor(@Inject(AssignComplaintService) private readonly assign: AssignComplaintService) {}

  async handle(event: EnvelopeOf<typeof COMPLAINT_CLASSIFIED>, ctx: HandlerContext): Promise<void> {
    const assigned = await this.assign.execute(event.data, ctx.em);
    if (assigned) await ctx.emit({ type: COMPLAINT_ASSIGNED, subject: event.subject, data: assigned });
  }
}
