import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../domain/clock';
import { applyOverride, assessmentChanged, OverrideRequest, overrideProblems } from '../../domain/override';
import { assessmentOf, reclassifiedData } from '../classification-data';
import {
  ClassificationNotFoundError,
  InvalidRequestError,
  NothingToChangeError,
  RevisionConflictError,
} from '../errors';
import { CLASSIFICATION_EVENTS, ClassificationEvents } from '../ports/classification-events';
import {
  Actor,
  CLASSIFICATION_STORE,
  ClassificationRecord,
  ClassificationStore,
} from '../ports/classification-store';
import { UNIT_OF_WORK, UnitOfWork } from '../ports/unit-of-work';
import { ActiveRuleSet } from '../rule-sets/active-rule-set';

export interface OverrideCommand {
  complaintId: string;
  change: OverrideRequest;
  reason: string;
  /** The revision the agent looked at; a newer one means someone else changed it meanwhile. */
  expectedRevision?: number;
  actor: Actor;
  correlationId: string;
}

/**
 * An agent's correction: validated against the taxonomy in force, recorded with who and why, and announced as
 * complaint.reclassified in the same transaction, so sla-timer and escalation act on the corrected urgency.
 */
@Injectable()
export class OverrideClassificationService {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(CLASSIFICATION_STORE) private readonly store: ClassificationStore,
    @Inject(CLASSIFICATION_EVENTS) private readonly events: ClassificationEvents,
    @Inject(ActiveRuleSet) private readonly rules: ActiveRuleSet,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: OverrideCommand): Promise<ClassificationRecord> {
    return this.unitOfWork.run(async (em) => {
      const current = await this.store.findForUpdate(em, command.complaintId);
      if (!current) throw new ClassificationNotFoundError(command.complaintId);
      if (command.expectedRevision !== undefined && command.expectedRevision !== current.revision) {
        throw new RevisionConflictError(command.expectedRevision, current.revision);
      }
      const { ruleSet } = await this.rules.get(em);
      const problems = overrideProblems(command.change, current.result, ruleSet.taxonomy);
      if (problems.length > 0) throw new InvalidRequestError('the override cannot apply', problems);

      const { result, pinned } = applyOverride(
        current.result,
        current.pinned,
        command.change,
        ruleSet.priority,
      );
      const before = assessmentOf(current);
      if (!assessmentChanged(before, result)) throw new NothingToChangeError();

      const record: ClassificationRecord = {
        ...current,
        revision: current.revision + 1,
        result,
        pinned,
        classifiedAt: this.clock.now(),
      };
      await this.store.update(em, record);
      await this.store.appendAudit(em, {
        complaintId: record.complaintId,
        revision: record.revision,
        action: 'overridden',
        actor: command.actor,
        reason: command.reason,
        before,
        after: assessmentOf(record),
        ruleSetVersion: result.ruleSetVersion,
        occurredAt: record.classifiedAt,
      });
      await this.events.reclassified(em, reclassifiedData(record, before, command.actor, command.reason), {
        correlationId: command.correlationId,
        time: record.classifiedAt,
      });
      return record;
    });
  }
}
