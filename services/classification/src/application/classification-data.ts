import { ComplaintClassifiedV1, ComplaintReclassifiedV1 } from '@complaints/contracts';
import { Actor, ClassificationRecord } from './ports/classification-store';
import { Assessment } from '../domain/classification';

/**
 * The wire form of a classification. Categories and channels come from a rule set validated against the contract's
 * vocabulary, so the casts hold; createEnvelope validates the data again before it reaches the outbox.
 */
export function classifiedData(record: ClassificationRecord): ComplaintClassifiedV1 {
  const { result, facts } = record;
  return {
    complaintId: record.complaintId,
    reference: record.reference,
    category: result.category,
    ...(result.subcategory ? { subcategory: result.subcategory } : {}),
    urgency: result.urgency,
    risk: result.risk,
    priority: result.priority,
    confidence: result.confidence,
    ruleSetVersion: result.ruleSetVersion,
    matchedRules: result.matchedRules,
    signals: result.signals,
    channel: facts.channel,
    ...(facts.product ? { product: facts.product } : {}),
    vulnerable: facts.vulnerable,
    receivedAt: facts.receivedAt.toISOString(),
    classifiedAt: record.classifiedAt.toISOString(),
    revision: record.revision,
  } as ComplaintClassifiedV1;
}

export function reclassifiedData(
  record: ClassificationRecord,
  previous: Assessment,
  actor: Actor,
  reason: string,
): ComplaintReclassifiedV1 {
  return {
    ...classifiedData(record),
    previous: {
      category: previous.category,
      urgency: previous.urgency,
      risk: previous.risk,
      priority: previous.priority,
    },
    actor,
    reason,
  } as ComplaintReclassifiedV1;
}

export function assessmentOf(record: ClassificationRecord): Assessment {
  const { category, subcategory, urgency, risk, priority } = record.result;
  return { category, ...(subcategory ? { subcategory } : {}), urgency, risk, priority };
}
