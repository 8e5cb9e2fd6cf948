import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintReclassifiedV1, ComplaintReopenedV1 } from '@complaints/contracts';
import { Clock, CLOCK } from '../../domain/clock';
import { classify } from '../../domain/engine/rule-engine';
import { assessmentChanged, PinnedAssessment, reassess } from '../../domain/override';
import { assessmentOf, reclassifiedData } from '../classification-data';
import {
  CLASSIFICATION_STORE,
  ClassificationRecord,
  ClassificationStore,
} from '../ports/classification-store';
import { ActiveRuleSet } from '../rule-sets/active-rule-set';
import { CLASSIFICATION_ACTOR } from './classify-complaint.service';
import { complaintFacts } from './complaint-facts';

/**
 * A reopened complaint is assessed again with the rule set in force: the reopen is itself a signal, and its reason
 * is read like the complaint's text. Agents' overrides stand. Returns complaint.reclassified data when the result
 * changed, else null. A reopen that arrives before the complaint is classified is remembered and applied then.
 */
@Injectable()
export class ReassessOnReopenService {
  constructor(
    @Inject(CLASSIFICATION_STORE) private readonly store: ClassificationStore,
    @Inject(ActiveRuleSet) private readonly rules: ActiveRuleSet,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(reopened: ComplaintReopenedV1, em: EntityManager): Promise<ComplaintReclassifiedV1 | null> {
    const firstTime = await this.store.recordReopen(em, reopened.complaintId, {
      version: reopened.version,
      occurredAt: new Date(reopened.occurredAt),
      ...(reopened.reason ? { reason: reopened.reason } : {}),
    });
    if (!firstTime) return null;
    const current = await this.store.findForUpdate(em, reopened.complaintId);
    if (!current) return null;

    const compiled = await this.rules.get(em);
    const reopens = await this.store.reopensOf(em, current.complaintId);
    const engine = classify(
      await complaintFacts(this.store, em, current.complaintId, current.facts, reopens, compiled),
      compiled,
    );
    const pinned = current.facts.description !== undefined ? current.pinned : keepCategory(current);
    const result = reassess(engine, pinned, compiled.ruleSet.priority);
    const before = assessmentOf(current);
    if (!assessmentChanged(before, result)) return null;

    const record = { ...current, revision: current.revision + 1, result, classifiedAt: this.clock.now() };
    const reason = `assessed again after the complaint was reopened${reopened.reason ? `: ${reopened.reason}` : ''}`;
    await this.store.update(em, record);
    await this.store.appendAudit(em, {
      complaintId: record.complaintId,
      revision: record.revision,
      action: 'reassessed',
      actor: CLASSIFICATION_ACTOR,
      reason,
      before,
      after: assessmentOf(record),
      ruleSetVersion: result.ruleSetVersion,
      occurredAt: record.classifiedAt,
    });
    return reclassifiedData(record, before, CLASSIFICATION_ACTOR, truncate(reason, 2000));
  }
}

/** Rows classified before the text was kept: the rules cannot judge their category again, so it stays. */
function keepCategory(current: ClassificationRecord): PinnedAssessment {
  if (current.pinned.category !== undefined) return current.pinned;
  return { ...current.pinned, category: current.result.category, subcategory: current.result.subcategory };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
