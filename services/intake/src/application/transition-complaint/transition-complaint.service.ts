import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../domain/clock';
import {
  allowedTransitions,
  applyCommand,
  LifecycleCommand,
  LifecycleState,
  TransitionOutcome,
} from '../../domain/complaint-lifecycle';
import { IllegalTransitionError } from '../../domain/complaint-status';
import { ComplaintNotFoundError, LIFECYCLE_STORE, LifecycleStore } from '../ports/lifecycle-store';

export interface TransitionResult {
  id: string;
  reference: string;
  status: string;
  previousStatus: string;
  version: number;
  regulatoryDeadlineDays: number;
}

/**
 * Moves a complaint through its lifecycle: lock the row, apply the command (IllegalTransitionError when the
 * current status does not allow it), store the new state with its audit row and lifecycle event, all in one
 * transaction.
 */
@Injectable()
export class TransitionComplaintService {
  constructor(
    @Inject(LIFECYCLE_STORE) private readonly store: LifecycleStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(
    complaintId: string,
    command: LifecycleCommand,
    actor: string,
    correlationId: string,
  ): Promise<TransitionResult> {
    return this.store.inTransaction(async (tx) => {
      const complaint = await tx.lock(complaintId);
      if (!complaint) throw new ComplaintNotFoundError(complaintId);
      let outcome: TransitionOutcome;
      try {
        outcome = applyCommand(complaint.state, command);
      } catch (error) {
        if (error instanceof IllegalTransitionError) error.allowed = allowedTransitions(complaint.state);
        throw error;
      }
      await tx.save({ complaint, command, outcome, actor, occurredAt: this.clock.now(), correlationId });
      return describe(complaint.id, complaint.reference, outcome.from, outcome.state);
    });
  }
}

function describe(
  id: string,
  reference: string,
  previousStatus: string,
  state: LifecycleState,
): TransitionResult {
  return {
    id,
    reference,
    status: state.status,
    previousStatus,
    version: state.version,
    regulatoryDeadlineDays: state.regulatoryDeadlineDays,
  };
}
