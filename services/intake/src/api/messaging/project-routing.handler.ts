import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_ASSIGNED, COMPLAINT_ESCALATED, EnvelopeOf } from '@complaints/contracts';
import { EntityManager } from 'typeorm';
import { EventHandler, HandlerContext, RunBuffer } from '@complaints/kafka';
import { PROJECTION_STORE, ProjectionStore, RoutingFacts } from '../../application/ports/projection-store';

type RoutingEvent = typeof COMPLAINT_ASSIGNED | typeof COMPLAINT_ESCALATED;

/** complaint.assigned / escalated -> the owning team and level GET /v1/complaints/{id} shows. */
@Injectable()
export class ProjectRoutingHandler implements EventHandler<RoutingEvent> {
  readonly name = 'project-routing';
  readonly consumes = [COMPLAINT_ASSIGNED, COMPLAINT_ESCALATED] as const;

  /** A run's routings are upserted together after its last event, the latest per complaint. */
  private readonly pending = new RunBuffer<RoutingFacts>((kept, arriving) => arriving.at > kept.at);

  constructor(@Inject(PROJECTION_STORE) private readonly projections: ProjectionStore) {}

  async handle(event: EnvelopeOf<RoutingEvent>, ctx: HandlerContext): Promise<void> {
    const facts =
      event.type === COMPLAINT_ASSIGNED
        ? { team: event.data.team, level: event.data.level, at: new Date(event.data.assignedAt) }
        : { team: event.data.team, level: event.data.toLevel, at: new Date(event.data.escalatedAt) };
    this.pending.add(ctx.em, event.data.complaintId.toLowerCase(), {
      complaintId: event.data.complaintId,
      ...facts,
    });
  }

  async afterEvents(em: EntityManager): Promise<void> {
    await this.projections.applyRoutings(em, this.pending.take(em));
  }
}
