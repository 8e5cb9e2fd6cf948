import { AuditEntry, ClassificationRecord } from '../../application/ports/classification-store';
import { RuleSet } from '../../domain/rule-set/rule-set';

/**
 * The classification as callers see it, explained: the names of its category, each rule that fired with what it
 * matched and what the rule does (from the version that made the result), what agents pinned, and the history.
 * The customer hash and the complaint's text stay inside the service.
 */
export function classificationView(
  record: ClassificationRecord,
  history: AuditEntry[],
  ruleSet: RuleSet | null,
): object {
  const { result, facts } = record;
  const category = ruleSet?.taxonomy.find((c) => c.id === result.category);
  const subcategory = category?.subcategories.find((s) => s.id === result.subcategory);
  const rules = new Map((ruleSet?.rules ?? []).map((rule) => [rule.id, rule]));
  return {
    complaintId: record.complaintId,
    reference: record.reference,
    revision: record.revision,
    category: result.category,
    ...(category ? { categoryName: category.name } : {}),
    ...(result.subcategory ? { subcategory: result.subcategory } : {}),
    ...(subcategory ? { subcategoryName: subcategory.name } : {}),
    urgency: result.urgency,
    risk: result.risk,
    priority: result.priority,
    confidence: result.confidence,
    ruleSetVersion: result.ruleSetVersion,
    signals: result.signals,
    matchedRules: result.matchedRules.map((match) => {
      const rule = rules.get(match.ruleId);
      return { ...match, ...(rule ? { description: rule.description, effect: rule.then } : {}) };
    }),
    ...(Object.keys(record.pinned).length > 0 ? { overriddenByAgent: record.pinned } : {}),
    channel: facts.channel,
    ...(facts.product ? { product: facts.product } : {}),
    vulnerable: facts.vulnerable,
    receivedAt: facts.receivedAt.toISOString(),
    classifiedAt: record.classifiedAt.toISOString(),
    history: history.map((entry) => ({
      revision: entry.revision,
      action: entry.action,
      actor: entry.actor,
      ...(entry.reason ? { reason: entry.reason } : {}),
      ...(entry.before ? { before: entry.before } : {}),
      after: entry.after,
      ruleSetVersion: entry.ruleSetVersion,
      occurredAt: entry.occurredAt.toISOString(),
    })),
  };
}
