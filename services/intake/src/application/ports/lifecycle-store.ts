import { LifecycleCommand, LifecycleState, TransitionOutcome } from '../../domain/complaint-lifecycle';

/** A complaint locked for a transition: its lifecycle state and the facts its events carry. */
export interface LockedComplaint {
  id: string;
  reference: string;
  receivedAt: Date;
  state: LifecycleState;
}

export interface AppliedTransition {
  complaint: LockedComplaint;
  command: LifecycleCommand;
  outcome: TransitionOutcome;
  actor: string;
  occurredAt: Date;
  correlationId: string;
}

/** One transaction: the row lock, the new state, the audit row and the event commit together. */
export interface LifecycleTransaction {
  /** Locks the complaint row (SELECT ... FOR UPDATE), so concurrent transitions serialise; null when unknown. */
  lock(complaintId: string): Promise<LockedComplaint | null>;
  save(applied: AppliedTransition): Promise<void>;
}

export interface LifecycleStore {
  inTransaction<T>(work: (tx: LifecycleTransaction) => Promise<T>): Promise<T>;
}

export const LIFECYCLE_STORE = Symbol('LifecycleStore');

export class ComplaintNotFoundError extends Error {
  constructor(readonly complaintId: string) {
    super(`no complaint ${complaintId}`);
    this.name = 'ComplaintNotFoundError';
  }
}
