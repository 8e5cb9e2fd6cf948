import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_CLASSIFIED, COMPLAINT_RECLASSIFIED, EnvelopeOf } from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { TrackComplaintService } from '../../application/track-complaint.service';

type Classification = typeof COMPLAINT_CLASSIFIED | typeof COMPLAINT_RECLASSIFIED;

/**
 * complaint.classified / .reclassified -> the complaint's urgency (quiet hours never hold an urgent SMS). A stale
 * revision arriving late changes nothing.
 */
@Injectable()
export class ComplaintUrgencyHandler implements EventHandler<Classification> {
  readonly name = 'complaint-urgency';
  readonly consumes = [COMPLAINT_CLASSIFIED, COMPLAINT_RECLASSIFIED] as const;

  constructor(@Inject(TrackComplaintService) private readonly track: TrackComplaintService) {}

  async handle(event: EnvelopeOf<Classification>, ctx: HandlerContext): Promise<void> {
    await this.track.classified(ctx.em, {
      complaintId: event.data.complaintId,
      reference: event.data.reference,
      urgency: event.data.urgency === 'urgent' ? 'urgent' : 'general',
      revision: event.data.revision,
    });
  }
}
