import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintClassifiedV1, ComplaintReceivedV1 } from '@complaints/contracts';
import { Clock, CLOCK } from '../domain/clock';
import { classify } from '../domain/rule-engine';
import { DEFAULT_RULE_SET } from '../domain/rule-set';
import { CLASSIFICATION_STORE, ClassificationStore } from './ports/classification-store';

/**
 * Classifies a newly received complaint and records the result. Returns the complaint.classified data, or null
 * when the complaint already has a classification (a replay of complaint.received with a new event id).
 */
@Injectable()
export class ClassifyComplaintService {
  constructor(
    @Inject(CLASSIFICATION_STORE) private readonly store: ClassificationStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(received: ComplaintReceivedV1, em: EntityManager): Promise<ComplaintClassifiedV1 | null> {
    const result = classify(
      {
        subject: received.subject,
        description: received.description,
        channel: received.channel,
        product: received.product,
        amount: received.amount,
        vulnerable: received.customer.vulnerable,
      },
      DEFAULT_RULE_SET,
    );
    const classified = {
      complaintId: received.complaintId,
      reference: received.reference,
      ...result,
      channel: received.channel,
      ...(received.product ? { product: received.product } : {}),
      vulnerable: received.customer.vulnerable,
      receivedAt: received.receivedAt,
      classifiedAt: this.clock.now().toISOString(),
      revision: 1,
      // The engine's categories and levels come from the rule set, which uses the contract's vocabulary;
      // createEnvelope validates them again before anything reaches the outbox.
    } as ComplaintClassifiedV1;
    const inserted = await this.store.insertFirst(em, classified, received.customer.customerHash);
    return inserted ? classified : null;
  }
}
