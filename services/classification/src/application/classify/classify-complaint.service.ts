import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintClassifiedV1, ComplaintReceivedV1 } from '@complaints/contracts';
import { Clock, CLOCK } from '../../domain/clock';
import { classify } from '../../domain/engine/rule-engine';
import { assessmentOf, classifiedData } from '../classification-data';
import {
  CLASSIFICATION_STORE,
  ClassificationRecord,
  ClassificationStore,
  RecordedFacts,
} from '../ports/classification-store';
import { ActiveRuleSet } from '../rule-sets/active-rule-set';
import { complaintFacts } from './complaint-facts';

export const CLASSIFICATION_ACTOR = { kind: 'system', id: 'classification' } as const;

/**
 * Classifies a newly received complaint with the rule set in force, records it with an audit entry, and returns
 * the complaint.classified data; null when the complaint already has a classification (a replay of
 * complaint.received under a new event id). A reopen that arrived first is taken into account.
 */
@Injectable()
export class ClassifyComplaintService {
  constructor(
    @Inject(CLASSIFICATION_STORE) private readonly store: ClassificationStore,
    @Inject(ActiveRuleSet) private readonly rules: ActiveRuleSet,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(received: ComplaintReceivedV1, em: EntityManager): Promise<ComplaintClassifiedV1 | null> {
    const compiled = await this.rules.get(em);
    const facts: RecordedFacts = {
      channel: received.channel,
      ...(received.product ? { product: received.product } : {}),
      ...(received.amount
        ? { amount: { value: received.amount.value, currency: received.amount.currency } }
        : {}),
      vulnerable: received.customer.vulnerable,
      customerHash: received.customer.customerHash,
      receivedAt: new Date(received.receivedAt),
      subject: received.subject,
      description: received.description,
    };
    const reopens = await this.store.reopensOf(em, received.complaintId);
    const result = classify(
      await complaintFacts(this.store, em, received.complaintId, facts, reopens, compiled),
      compiled,
    );
    const record: ClassificationRecord = {
      complaintId: received.complaintId,
      reference: received.reference,
      revision: 1,
      result,
      facts,
      pinned: {},
      classifiedAt: this.clock.now(),
    };
    if (!(await this.store.insertFirst(em, record))) return null;
    await this.store.appendAudit(em, {
      complaintId: record.complaintId,
      revision: 1,
      action: 'classified',
      actor: CLASSIFICATION_ACTOR,
      after: assessmentOf(record),
      ruleSetVersion: result.ruleSetVersion,
      occurredAt: record.classifiedAt,
    });
    return classifiedData(record);
  }
}
