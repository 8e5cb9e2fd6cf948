import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Classification } from '../domain/clocks/complaint-track';
import { ComplaintClocksRepository } from './complaint-clocks.repository';
import { SlaEventDraft } from './sla-event-draft';

export interface ClassificationInput {
  complaintId: string;
  classification: Classification;
  eventId: string;
  correlation: string;
}

/**
 * complaint.classified or .reclassified: starts the clocks the matching policy sets (from receipt), or recomputes
 * open ones for a newer revision; then applies lifecycle events that were waiting for the classification.
 */
@Injectable()
export class ApplyClassificationService {
  constructor(@Inject(ComplaintClocksRepository) private readonly complaints: ComplaintClocksRepository) {}

  async execute(input: ClassificationInput, em: EntityManager): Promise<SlaEventDraft[]> {
    const clocks = await this.complaints.load(em, input.complaintId);
    const cause = { correlation: input.correlation, causedBy: input.eventId };
    if (clocks.classify(input.classification, cause) === 'stale') return [];
    for (const deferred of await this.complaints.takeDeferred(em, input.complaintId)) {
      clocks.apply(deferred.fact, { correlation: deferred.correlation, causedBy: deferred.eventId });
    }
    return this.complaints.save(em, clocks);
  }
}
