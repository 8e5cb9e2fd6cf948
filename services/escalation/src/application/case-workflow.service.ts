import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { COMPLAINT_ASSIGNED, COMPLAINT_ESCALATED, ESCALATION_ACKNOWLEDGED } from '@complaints/contracts';
import { JsonLogger, Metrics } from '@complaints/observability';
import { CaseEffect } from '../domain/case/case-effects';
import { EscalationCase } from '../domain/case/escalation-case';
import { Clock, CLOCK } from '../domain/clock';
import { RiskPolicy } from '../domain/matrix/escalation-matrix';
import { acknowledgedEvent, assignedEvent, escalatedEvent } from './case-events';
import { CASE_STORE, CaseStore, SaveContext } from './ports/case-store';
import { EventSink } from './ports/event-sink';
import { MATRIX_STORE, MatrixStore } from './ports/matrix-store';
import { RecordRiskService } from './record-risk.service';

/**
 * The one way a complaint's case changes, in the caller's transaction: lock the case, apply the fact with the
 * matrix in force, store the state and what changed, announce it (outbox), and count it towards the risk rates.
 */
@Injectable()
export class CaseWorkflow {
  constructor(
    @Inject(CASE_STORE) private readonly cases: CaseStore,
    @Inject(MATRIX_STORE) private readonly matrices: MatrixStore,
    @Inject(RecordRiskService) private readonly risk: RecordRiskService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JsonLogger) private readonly logger: JsonLogger,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  async apply(
    em: EntityManager,
    complaintId: string,
    sink: EventSink,
    context: SaveContext,
    change: (c: EscalationCase) => void,
  ): Promise<CaseEffect[]> {
    const state = await this.cases.lock(em, complaintId);
    const matrix = await this.matrices.current(em);
    const aggregate = new EscalationCase(state, matrix, this.clock.now(), randomUUID);
    change(aggregate);
    const effects = aggregate.effects;
    await this.cases.save(em, aggregate.snapshot, effects, context);
    for (const effect of effects) await this.announce(em, complaintId, effect, sink, matrix.risk);
    return effects;
  }

  private async announce(
    em: EntityManager,
    complaintId: string,
    effect: CaseEffect,
    sink: EventSink,
    risk: RiskPolicy,
  ): Promise<void> {
    switch (effect.kind) {
      case 'assigned':
        await sink.emit({
          type: COMPLAINT_ASSIGNED,
          subject: complaintId,
          data: assignedEvent(complaintId, effect),
        });
        return;
      case 'escalated':
        this.logger.info(`escalated ${effect.fromLevel} -> ${effect.toLevel}`, {
          complaintId,
          escalationId: effect.escalationId,
          trigger: effect.trigger,
        });
        this.metrics
          .counter('escalations_total', 'Complaints escalated, by trigger and receiving level', [
            'trigger',
            'level',
          ])
          .inc({ trigger: effect.trigger, level: effect.toLevel });
        await sink.emit({
          type: COMPLAINT_ESCALATED,
          subject: complaintId,
          data: escalatedEvent(complaintId, effect),
        });
        return;
      case 'acknowledged':
        await sink.emit({
          type: ESCALATION_ACKNOWLEDGED,
          subject: complaintId,
          data: acknowledgedEvent(complaintId, effect),
        });
        return;
      case 'escalation-closed':
        // No contract announces it: the lifecycle event that closed it is the news.
        return;
      case 'observed':
        await this.risk.observe(em, effect, risk, sink);
        return;
    }
  }
}
