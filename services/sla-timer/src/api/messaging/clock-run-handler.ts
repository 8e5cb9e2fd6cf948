import { EntityManager } from 'typeorm';
import { EnvelopeOf, EventType } from '@complaints/contracts';
import { ComplaintClocksRepository } from '../../application/complaint-clocks.repository';

/**
 * The part every clock handler shares: the complaints of a consumer transaction's events are locked and read
 * together before the first event, and written together after the last (see ComplaintClocksRepository).
 */
export abstract class ClockRunHandler<T extends EventType> {
  protected constructor(private readonly complaints: ComplaintClocksRepository) {}

  beforeEvents(
    events: (EnvelopeOf<T> & { data: { complaintId: string } })[],
    em: EntityManager,
  ): Promise<void> {
    return this.complaints.open(
      em,
      events.map((event) => event.data.complaintId),
    );
  }

  afterEvents(em: EntityManager): Promise<void> {
    return this.complaints.flush(em);
  }
}
