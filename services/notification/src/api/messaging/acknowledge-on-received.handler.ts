import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { COMPLAINT_RECEIVED, EnvelopeOf } from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { PlanDeliveriesService } from '../../application/plan-deliveries.service';
import { TrackComplaintService } from '../../application/track-complaint.service';
import { PlannedDeliveries } from './planned-deliveries';
import { toTrigger } from './notification-trigger.mapper';

/**
 * complaint.received -> the complaint's projection (customer profile, sealed contact) and the acknowledgement
 * deliveries. The name is the inbox key this handler has had since the first release: never rename it.
 */
@Injectable()
export class AcknowledgeOnReceivedHandler implements EventHandler<typeof COMPLAINT_RECEIVED> {
  readonly name = 'acknowledge-on-received';
  readonly consumes = [COMPLAINT_RECEIVED] as const;

  constructor(
    @Inject(TrackComplaintService) private readonly track: TrackComplaintService,
    @Inject(PlanDeliveriesService) private readonly plan: PlanDeliveriesService,
    @Inject(PlannedDeliveries) private readonly deliveries: PlannedDeliveries,
  ) {}

  async handle(event: EnvelopeOf<typeof COMPLAINT_RECEIVED>, ctx: HandlerContext): Promise<void> {
    const { customer } = event.data;
    const profile = await this.track.received(ctx.em, {
      complaintId: event.data.complaintId,
      reference: event.data.reference,
      customer: {
        contactPreference: customer.contactPreference,
        preferredLanguage: customer.preferredLanguage,
        ...(customer.maskedPhone ? { maskedPhone: customer.maskedPhone } : {}),
        ...(customer.maskedEmail ? { maskedEmail: customer.maskedEmail } : {}),
      },
      contact: event.data.contact,
    });
    this.deliveries.add(ctx, await this.plan.plan(toTrigger(event), ctx.em, profile));
  }

  afterEvents(em: EntityManager): Promise<void> {
    return this.deliveries.record(em);
  }
}
