import { Level } from '../level';
import { RoutingFacts } from '../routing/routing';

/**
 * What escalation knows about one complaint, assembled from events that arrive across topics in any order:
 * classification facts (by revision), the owner and level, the lifecycle (by version), the one open escalation,
 * and triggers that came before the complaint could be routed (kept, then applied once it is).
 */
export interface CaseState {
  complaintId: string;
  facts: ClassificationFacts | null;
  ownership: Ownership | null;
  lifecycle: { version: number; status: string | null };
  openEscalation: OpenEscalation | null;
  pending: PendingTrigger[];
  lastWarning: ClockWarning | null;
}

export interface ClassificationFacts extends RoutingFacts {
  /** Increases with every (re)classification: an older one is ignored. */
  revision: number;
  receivedAt: Date;
}

export interface Ownership {
  /** The team the routing rules chose. */
  routedTeam: string;
  /** The team that owns the complaint at its current level. */
  team: string;
  level: Level;
  ruleId: string;
  assignedAt: Date;
}

export interface OpenEscalation {
  id: string;
  level: Level;
  acknowledgeBy: Date;
}

/** A trigger that arrived before the complaint was routed: applied, in time order, once it is. */
export type PendingTrigger =
  | { kind: 'breach'; clockId: string; clock: string; dueAt: Date; breachedAt: Date }
  | { kind: 'reopened'; version: number; at: Date }
  | { kind: 'feedback'; satisfaction: number; at: Date };

/** The latest SLA warning about the complaint: shown with its owner (notification tells the owning team). */
export interface ClockWarning {
  clockId: string;
  clock: string;
  threshold: number;
  dueAt: Date;
  occurredAt: Date;
}

/** Lifecycle statuses after which nothing escalates and open escalations close. */
export const SETTLED_STATUSES: readonly string[] = ['resolved', 'closed', 'withdrawn'];

export function newCase(complaintId: string): CaseState {
  return {
    complaintId,
    facts: null,
    ownership: null,
    lifecycle: { version: 0, status: null },
    openEscalation: null,
    pending: [],
    lastWarning: null,
  };
}
