import { EntityManager } from 'typeorm';
import { ComplaintFacts } from '../../domain/classification';
import { CompiledRuleSet } from '../../domain/rule-set/compiled-rule-set';
import { ClassificationStore, RecordedFacts, ReopenRecord } from '../ports/classification-store';

/** What the engine reads about a complaint: its recorded facts plus its history in this service's projection. */
export async function complaintFacts(
  store: ClassificationStore,
  em: EntityManager,
  complaintId: string,
  facts: RecordedFacts,
  reopens: ReopenRecord[],
  compiled: CompiledRuleSet,
): Promise<ComplaintFacts> {
  const earlierComplaints =
    compiled.repeatLookbackDays > 0
      ? await store.earlierComplaints(
          em,
          facts.customerHash,
          facts.receivedAt,
          compiled.repeatLookbackDays,
          complaintId,
        )
      : [];
  return {
    subject: facts.subject ?? '',
    description: facts.description ?? '',
    additionalText: reopens.flatMap((r) => (r.reason ? [r.reason] : [])),
    channel: facts.channel,
    ...(facts.product ? { product: facts.product } : {}),
    ...(facts.amount ? { amount: facts.amount } : {}),
    vulnerable: facts.vulnerable,
    receivedAt: facts.receivedAt,
    earlierComplaints,
    reopened: reopens.length > 0,
  };
}
