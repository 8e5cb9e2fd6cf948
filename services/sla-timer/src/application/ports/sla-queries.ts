import { ClockKind } from '../../domain/clock-kind';
import { ClockState, SlaClock } from '../../domain/clocks/sla-clock';

/** Keyset position: the sort time and the clock id of the last row of the previous page. */
export interface PageAfter {
  at: Date;
  id: string;
}

export interface BreachFilter {
  kind?: ClockKind;
  policyId?: string;
  state?: ClockState;
  from?: Date;
  to?: Date;
  after?: PageAfter;
  limit: number;
}

export interface AtRiskFilter {
  /** Running, unbreached clocks due at or before this instant. */
  dueBy: Date;
  kind?: ClockKind;
  policyId?: string;
  after?: PageAfter;
  limit: number;
}

/** The read side for ops: clocks by complaint, breaches newest first, clocks about to breach soonest first. */
export interface SlaQueries {
  clocksOf(complaintId: string): Promise<SlaClock[]>;
  breaches(filter: BreachFilter): Promise<SlaClock[]>;
  atRisk(filter: AtRiskFilter): Promise<SlaClock[]>;
}

export const SLA_QUERIES = Symbol('SlaQueries');
