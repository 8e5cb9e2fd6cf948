import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  COMPLAINT_ASSIGNED,
  COMPLAINT_AWAITING_CUSTOMER,
  COMPLAINT_DEADLINE_EXTENDED,
  COMPLAINT_ESCALATED,
  COMPLAINT_RESOLVED,
  EnvelopeOf,
  RISK_WARNING_RAISED,
  SLA_BREACHED,
  SLA_WARNING,
} from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { ComplaintProfile } from '../../application/ports/complaint-profile-store';
import { PlanDeliveriesService } from '../../application/plan-deliveries.service';
import { TrackComplaintService } from '../../application/track-complaint.service';
import { PlannedDeliveries } from './planned-deliveries';
import { toTrigger } from './notification-trigger.mapper';

const NOTIFIED = [
  COMPLAINT_AWAITING_CUSTOMER,
  COMPLAINT_DEADLINE_EXTENDED,
  COMPLAINT_RESOLVED,
  COMPLAINT_ASSIGNED,
  SLA_WARNING,
  SLA_BREACHED,
  COMPLAINT_ESCALATED,
  RISK_WARNING_RAISED,
] as const;
type Notified = (typeof NOTIFIED)[number];

/**
 * Every other event someone must hear about (domain-requirements §6): requests for information, extensions and
 * results to the customer; assignments, clock warnings and breaches, escalations and risk warnings to staff.
 * Assignments and escalations also move the complaint's team in the projection, before the messages are planned.
 */
@Injectable()
export class NotifyOnEventHandler implements EventHandler<Notified> {
  readonly name = 'notify-on-event';
  readonly consumes = NOTIFIED;

  constructor(
    @Inject(TrackComplaintService) private readonly track: TrackComplaintService,
    @Inject(PlanDeliveriesService) private readonly plan: PlanDeliveriesService,
    @Inject(PlannedDeliveries) private readonly deliveries: PlannedDeliveries,
  ) {}

  async handle(event: EnvelopeOf<Notified>, ctx: HandlerContext): Promise<void> {
    let profile: ComplaintProfile | undefined;
    if (event.type === COMPLAINT_ASSIGNED) {
      profile = await this.track.assigned(ctx.em, {
        complaintId: event.data.complaintId,
        team: event.data.team,
        level: event.data.level,
      });
    }
    if (event.type === COMPLAINT_ESCALATED) {
      profile = await this.track.assigned(ctx.em, {
        complaintId: event.data.complaintId,
        team: event.data.team,
        level: event.data.toLevel,
      });
    }
    this.deliveries.add(ctx, await this.plan.plan(toTrigger(event), ctx.em, profile));
  }

  afterEvents(em: EntityManager): Promise<void> {
    return this.deliveries.record(em);
  }
}
