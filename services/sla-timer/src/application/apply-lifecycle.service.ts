import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LifecycleFact } from '../domain/clocks/lifecycle-fact';
import { ComplaintClocksRepository } from './complaint-clocks.repository';
import { SlaEventDraft } from './sla-event-draft';

export interface LifecycleInput {
  complaintId: string;
  fact: LifecycleFact;
  eventId: string;
  correlation: string;
}

/**
 * An intake lifecycle event: meets, pauses, resumes, cancels, restarts or extends the complaint's clocks. One that
 * arrives before the classification (another topic) is kept and applied when the classification comes; one
 * whose version was already applied is ignored.
 */
@Injectable()
export class ApplyLifecycleService {
  constructor(@Inject(ComplaintClocksRepository) private readonly complaints: ComplaintClocksRepository) {}

  async execute(input: LifecycleInput, em: EntityManager): Promise<SlaEventDraft[]> {
    const clocks = await this.complaints.load(em, input.complaintId);
    const cause = { correlation: input.correlation, causedBy: input.eventId };
    switch (clocks.apply(input.fact, cause)) {
      case 'deferred':
        await this.complaints.defer(em, input.complaintId, {
          eventId: input.eventId,
          correlation: input.correlation,
          fact: input.fact,
        });
        return [];
      case 'stale':
        return [];
      case 'applied':
        return this.complaints.save(em, clocks);
    }
  }
}
