import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_CLASSIFIED, COMPLAINT_RECLASSIFIED, EnvelopeOf } from '@complaints/contracts';
import { EntityManager } from 'typeorm';
import { EventHandler, HandlerContext, RunBuffer } from '@complaints/kafka';
import {
  ClassificationFacts,
  PROJECTION_STORE,
  ProjectionStore,
} from '../../application/ports/projection-store';

type ClassificationEvent = typeof COMPLAINT_CLASSIFIED | typeof COMPLAINT_RECLASSIFIED;

/** complaint.classified / reclassified -> the category and priority GET /v1/complaints shows and filters on. */
@Injectable()
export class ProjectClassificationHandler implements EventHandler<ClassificationEvent> {
  readonly name = 'project-classification';
  readonly consumes = [COMPLAINT_CLASSIFIED, COMPLAINT_RECLASSIFIED] as const;

  /** A run's classifications are upserted together after its last event, the newest revision per complaint. */
  private readonly pending = new RunBuffer<ClassificationFacts>(
    (kept, arriving) => arriving.revision > kept.revision,
  );

  constructor(@Inject(PROJECTION_STORE) private readonly projections: ProjectionStore) {}

  async handle(event: EnvelopeOf<ClassificationEvent>, ctx: HandlerContext): Promise<void> {
    const d = event.data;
    this.pending.add(ctx.em, d.complaintId.toLowerCase(), {
      complaintId: d.complaintId,
      category: d.category,
      subcategory: d.subcategory,
      urgency: d.urgency,
      risk: d.risk,
      priority: d.priority,
      revision: d.revision,
    });
  }

  async afterEvents(em: EntityManager): Promise<void> {
    await this.projections.applyClassifications(em, this.pending.take(em));
  }
}
