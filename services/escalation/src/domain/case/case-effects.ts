import { Level } from '../level';
import { RiskMetric } from '../matrix/escalation-matrix';

export type EscalationTrigger = 'sla-breached' | 'not-acknowledged' | 'reopened';

/** What a change to a case did: the store persists these and the application announces them. */
export type CaseEffect = Assigned | Escalated | Acknowledged | EscalationClosed | Observed;

export interface Assigned {
  kind: 'assigned';
  team: string;
  level: Level;
  ruleId: string;
  matrixVersion: number;
  reason: string;
  assignedAt: Date;
  /** Set when this replaces an earlier assignment (a reclassification moved the complaint). */
  previous?: { team: string; level: Level };
}

export interface Escalated {
  kind: 'escalated';
  escalationId: string;
  fromLevel: Level;
  toLevel: Level;
  team: string;
  trigger: EscalationTrigger;
  reason: string;
  breachedClock?: string;
  escalatedAt: Date;
  acknowledgeBy: Date;
  /** When the acknowledgement timer fires; null when an unacknowledged escalation would go no higher. */
  reescalateAt: Date | null;
  /** The escalation this one replaces as the complaint's open one, if any. */
  supersedes: string | null;
  matrixVersion: number;
}

export interface Acknowledged {
  kind: 'acknowledged';
  escalationId: string;
  level: Level;
  actor: string;
  note?: string;
  at: Date;
}

export interface EscalationClosed {
  kind: 'escalation-closed';
  escalationId: string;
  reason: string;
  at: Date;
}

/** A fact that counts towards the risk-warning rates of its category, channel and team. */
export interface Observed {
  kind: 'observed';
  metric: RiskMetric;
  at: Date;
  /** Whether it counts as trouble (every complaint and breach does; a feedback score only when it is low). */
  hit: boolean;
  dimensions: { category: string; channel: string; team: string };
}
