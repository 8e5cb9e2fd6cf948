import { Inject, Injectable } from '@nestjs/common';
import { EscalationNotOpenError } from '../domain/case/escalation-case';
import { Clock, CLOCK } from '../domain/clock';
import { CaseWorkflow } from './case-workflow.service';
import { CASE_STORE, CaseStore, EscalationState } from './ports/case-store';
import { ESCALATION_QUERIES, EscalationQueries, EscalationView } from './ports/escalation-queries';
import { OUTBOX_SINKS, OutboxSinks } from './ports/event-sink';
import { UNIT_OF_WORK, UnitOfWork } from './ports/unit-of-work';

export class EscalationNotFoundError extends Error {
  constructor(readonly escalationId: string) {
    super(`no escalation ${escalationId}`);
    this.name = 'EscalationNotFoundError';
  }
}

/** Only an open escalation can be acknowledged; says what it is now. */
export class EscalationAlreadySettledError extends Error {
  constructor(
    readonly escalationId: string,
    readonly state: EscalationState,
  ) {
    super(`escalation ${escalationId} is ${state}; only an open escalation can be acknowledged`);
    this.name = 'EscalationAlreadySettledError';
  }
}

export interface AcknowledgeCommand {
  escalationId: string;
  /** The staff member, from the verified token. */
  actor: string;
  clientId: string;
  note?: string;
  correlationId: string;
}

/**
 * The receiving level takes the escalation on: it stops the acknowledgement timer's effect, is audited (who,
 * when, from which state, their note) and announced as escalation.acknowledged, all in one transaction.
 */
@Injectable()
export class AcknowledgeEscalationService {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(CASE_STORE) private readonly cases: CaseStore,
    @Inject(CaseWorkflow) private readonly workflow: CaseWorkflow,
    @Inject(OUTBOX_SINKS) private readonly sinks: OutboxSinks,
    @Inject(ESCALATION_QUERIES) private readonly queries: EscalationQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: AcknowledgeCommand): Promise<EscalationView> {
    await this.uow.run(async (em) => {
      const found = await this.cases.escalationState(em, command.escalationId);
      if (!found) throw new EscalationNotFoundError(command.escalationId);
      const sink = this.sinks.sinkFor(em, { correlationId: command.correlationId });
      try {
        await this.workflow.apply(
          em,
          found.complaintId,
          sink,
          { correlationId: command.correlationId, clientId: command.clientId },
          (c) => c.acknowledge(command.escalationId, command.actor, command.note),
        );
      } catch (error) {
        if (!(error instanceof EscalationNotOpenError)) throw error;
        // Read again under the case lock: the state it has now, not the one seen before waiting for the lock.
        const now = await this.cases.escalationState(em, command.escalationId);
        throw new EscalationAlreadySettledError(command.escalationId, now?.state ?? found.state);
      }
    });
    const view = await this.queries.escalation(command.escalationId, this.clock.now());
    if (!view) throw new EscalationNotFoundError(command.escalationId);
    return view;
  }
}
