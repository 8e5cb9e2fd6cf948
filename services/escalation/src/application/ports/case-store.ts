import { EntityManager } from 'typeorm';
import { CaseEffect } from '../../domain/case/case-effects';
import { CaseState } from '../../domain/case/case-state';

export interface BreachRecord {
  complaintId: string;
  clockId: string;
  clock: string;
  dueAt: Date;
  breachedAt: Date;
}

export type EscalationState = 'open' | 'acknowledged' | 'superseded' | 'closed';

export interface CaseStore {
  /** Loads the complaint's case, creating it when new, and locks it: changes to one complaint serialise here. */
  lock(em: EntityManager, complaintId: string): Promise<CaseState>;
  /** Writes the case and what its effects changed: assignment, escalations, timers, audit rows. */
  save(em: EntityManager, state: CaseState, effects: CaseEffect[], context: SaveContext): Promise<void>;
  /** Records a breach fact once per clock and due time; false when it was already recorded. */
  recordBreach(em: EntityManager, breach: BreachRecord, at: Date): Promise<boolean>;
  escalationState(
    em: EntityManager,
    escalationId: string,
  ): Promise<{ complaintId: string; state: EscalationState } | null>;
}

export interface SaveContext {
  /** The flow the change belongs to: kept with new escalations, so their timers continue it. */
  correlationId: string;
  /** The client (channel or application) of the caller, for the audit trail of acknowledgements. */
  clientId?: string;
}

export const CASE_STORE = Symbol('CaseStore');
