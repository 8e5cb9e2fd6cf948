import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { COMPLAINT_RECLASSIFIED, ComplaintReclassifiedV1, createEnvelope } from '@complaints/contracts';
import { OutboxWriter } from '@complaints/kafka';
import { ClassificationEvents } from '../../application/ports/classification-events';

/** Writes events to the outbox in the caller's transaction; the relay publishes them in order. */
@Injectable()
export class OutboxClassificationEvents implements ClassificationEvents {
  constructor(@Inject(OutboxWriter) private readonly outbox: OutboxWriter) {}

  async reclassified(
    em: EntityManager,
    data: ComplaintReclassifiedV1,
    meta: { correlationId: string; time: Date },
  ): Promise<void> {
    const envelope = createEnvelope({
      type: COMPLAINT_RECLASSIFIED,
      source: 'classification',
      subject: data.complaintId,
      data,
      correlationid: meta.correlationId,
      time: meta.time,
    });
    await this.outbox.enqueue(em, [envelope]);
  }
}
