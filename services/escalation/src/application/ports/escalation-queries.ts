import { Level } from '../../domain/level';
import { RiskDimension, RiskMetric } from '../../domain/matrix/escalation-matrix';
import { EscalationState } from './case-store';

export interface EscalationView {
  id: string;
  complaintId: string;
  fromLevel: Level;
  level: Level;
  team: string;
  trigger: string;
  reason: string;
  breachedClock: string | null;
  state: EscalationState;
  escalatedAt: string;
  acknowledgeBy: string;
  /** Open past its acknowledgement window (at the top level nothing goes higher, so it stays so). */
  overdue: boolean;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  closedAt: string | null;
  closedReason: string | null;
  matrixVersion: number;
}

export interface AssignmentView {
  complaintId: string;
  team: string;
  level: Level;
  routedTeam: string;
  ruleId: string;
  matrixVersion: string;
  reason: string;
  assignedAt: string;
  updatedAt: string;
  openEscalationId: string | null;
  lastWarning: { clock: string; threshold: number; dueAt: string; occurredAt: string } | null;
}

export interface RiskWarningView {
  id: string;
  dimension: RiskDimension;
  key: string;
  metric: RiskMetric;
  measure: string;
  thresholdId: string;
  observed: number;
  threshold: number;
  windowStart: string;
  windowEnd: string;
  sampleSize: number;
  raisedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface EscalationQueries {
  escalations(
    filter: { team?: string; level?: Level; state?: EscalationState; complaintId?: string },
    page: { limit: number; cursor?: string },
    now: Date,
  ): Promise<Page<EscalationView>>;
  escalation(id: string, now: Date): Promise<EscalationView | null>;
  assignments(
    filter: { complaintId?: string; team?: string; level?: Level },
    limit: number,
  ): Promise<AssignmentView[]>;
  riskWarnings(
    filter: { dimension?: RiskDimension; key?: string; metric?: RiskMetric; from?: Date; to?: Date },
    page: { limit: number; cursor?: string },
  ): Promise<Page<RiskWarningView>>;
}

export const ESCALATION_QUERIES = Symbol('EscalationQueries');

/** A cursor that does not decode (tampered or from another listing). */
export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not one this listing gave out');
    this.name = 'InvalidCursorError';
  }
}
