import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_CLASSIFIED, COMPLAINT_RECLASSIFIED, EnvelopeOf } from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { PROJECTION_STORE, ProjectionStore } from '../../application/ports/projection-store';

type ClassificationEvent = typeof COMPLAINT_CLASSIFIED | typeof COMPLAINT_RECLASSIFIED;

/** complaint.classified / reclassified -> the category and priority GET /v1/complaints shows and filters on. */
@Injectable()
export class ProjectClassificationHandler implements EventHandler<ClassificationEvent> {
  readonly name = 'project-classification';
  readonly consumes = [COMPLAINT_CLASSIFIED, COMPLAINT_RECLASSIFIED] as const;

  constructor(@Inject(PROJECTION_STORE) private readonly projections: ProjectionStore) {}

  async handle(event: EnvelopeOf<ClassificationEvent>, ctx: HandlerContext): Promise<void> {
    const d = event.data;
    await this.projections.applyClassification(ctx.em, {
      complaintId: d.complaintId,
      category: d.category,
      subcategory: d.subcategory,
      urgency: d.urgency,
      risk: d.risk,
      priority: d.priority,
      revision: d.revision,
    });
  }
}
