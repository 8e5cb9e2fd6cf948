import { Level } from '../level';

/**
 * The escalation matrix: who owns a complaint at each level, how long each level has to acknowledge an
 * escalation, which team a complaint is routed to, where it starts, and when rates of trouble become risk
 * warnings. It is data (versioned, replaced whole over the API); nothing here is a constant in code.
 */
export interface EscalationMatrix {
  /** Increases by one with every accepted replacement. */
  version: number;
  /** Exactly L1..L4, lowest first. */
  levels: LevelPolicy[];
  routingRules: RoutingRule[];
  startLevelRules: StartLevelRule[];
  risk: RiskPolicy;
}

/** The content of a matrix without its version: what a replacement proposes. */
export type MatrixContent = Omit<EscalationMatrix, 'version'>;

export interface LevelPolicy {
  level: Level;
  /** Who this level is, e.g. "Team lead". */
  name: string;
  /** The team that owns a complaint at this level; absent: the team the routing rules chose. */
  team?: string;
  /**
   * How long this level has to acknowledge an escalation it receives. Nothing escalates to the lowest level, so
   * there it may be absent.
   */
  acknowledgeWithinMinutes?: number;
  /** Whether an escalation this level leaves unacknowledged goes up again (never at the top level). */
  escalateWhenUnacknowledged: boolean;
}

/**
 * Routes a complaint to its owning team: the first rule by `order` whose conditions all hold. A rule without
 * conditions is a catch-all; every matrix has one.
 */
export interface RoutingRule {
  id: string;
  order: number;
  category?: string;
  subcategory?: string;
  channel?: string;
  /** Compared without regard to case or surrounding space. */
  product?: string;
  risk?: string;
  urgency?: string;
  region?: string;
  /** Holds when the complaint carries this signal (e.g. large-amount). */
  signal?: string;
  team: string;
}

/** Starts a complaint above L1 when its conditions all hold; the highest matching level wins. */
export interface StartLevelRule {
  id: string;
  risk?: string;
  urgency?: string;
  category?: string;
  channel?: string;
  signal?: string;
  /** true: holds for a customer with any vulnerability (elderly, disabled, ...). */
  vulnerable?: boolean;
  level: Level;
}

export const RISK_DIMENSIONS = ['category', 'team', 'channel'] as const;
export type RiskDimension = (typeof RISK_DIMENSIONS)[number];

export const RISK_METRICS = ['complaints', 'breaches', 'low-satisfaction'] as const;
export type RiskMetric = (typeof RISK_METRICS)[number];

/** count: how many in the window; share: the fraction of the window's samples that are hits (low scores). */
export const RISK_MEASURES = ['count', 'share'] as const;
export type RiskMeasure = (typeof RISK_MEASURES)[number];

/** The key of a threshold that applies to every value of its dimension without one of its own. */
export const ANY_KEY = '*';

export interface RiskThreshold {
  id: string;
  dimension: RiskDimension;
  /** A category, team or channel, or `*` for each one that has no threshold of its own. */
  key: string;
  metric: RiskMetric;
  measure: RiskMeasure;
  /** Windows are fixed, back to back, aligned to the UTC epoch (1440: calendar days in UTC). */
  windowMinutes: number;
  /** The warning is raised when the measure reaches this value. */
  threshold: number;
  /** A share is judged only once the window holds this many samples. */
  minimumSample: number;
}

export interface RiskPolicy {
  /** A satisfaction score (1-5) at or below this counts as low. */
  lowSatisfactionAtMost: number;
  thresholds: RiskThreshold[];
}

export function levelPolicy(matrix: Pick<EscalationMatrix, 'levels'>, level: Level): LevelPolicy {
  const policy = matrix.levels.find((l) => l.level === level);
  if (!policy) throw new Error(`the escalation matrix has no level ${level}`);
  return policy;
}

/** The team that owns a complaint at a level: the level's own team, else the routed team. */
export function teamAt(matrix: Pick<EscalationMatrix, 'levels'>, level: Level, routedTeam: string): string {
  return levelPolicy(matrix, level).team ?? routedTeam;
}
