import { higherLevel, Level, LEVELS } from '../level';
import { EscalationMatrix, RoutingRule, StartLevelRule, teamAt } from '../matrix/escalation-matrix';

/** What classification said about a complaint: the facts the matrix routes on. */
export interface RoutingFacts {
  category: string;
  subcategory?: string;
  channel: string;
  product?: string;
  risk: string;
  urgency: string;
  /** Not on any event yet; a rule naming a region matches only complaints whose region is known. */
  region?: string;
  signals: string[];
  vulnerable: string[];
}

export interface RoutingDecision {
  /** The team the routing rules chose (it owns L1 and L2). */
  routedTeam: string;
  /** The team that owns the complaint at its starting level. */
  team: string;
  level: Level;
  ruleId: string;
  startLevelRuleIds: string[];
  reason: string;
}

/**
 * Routes a complaint: the first routing rule (by order) whose conditions all hold names the owning team (the
 * standards send technical faults to the technology team and fraud and large transfers to risk control,
 * domain-requirements §5.4-§5.6); the start-level rules that hold raise the starting level (high risk, regulator
 * referrals, media or further-complaint threats, vulnerable customers, repeat complainants).
 */
export function route(
  facts: RoutingFacts,
  matrix: Pick<EscalationMatrix, 'levels' | 'routingRules' | 'startLevelRules'>,
): RoutingDecision {
  const rule = [...matrix.routingRules]
    .sort((a, b) => a.order - b.order)
    .find((r) => routingRuleHolds(r, facts));
  if (!rule)
    throw new Error('the escalation matrix has no routing rule for this complaint (it needs a catch-all)');
  const raising = matrix.startLevelRules.filter((r) => startLevelRuleHolds(r, facts));
  const level = raising.reduce<Level>((highest, r) => higherLevel(highest, r.level), LEVELS[0]);
  const team = teamAt(matrix, level, rule.team);
  const because = raising.filter((r) => r.level === level).map((r) => r.id);
  return {
    routedTeam: rule.team,
    team,
    level,
    ruleId: rule.id,
    startLevelRuleIds: raising.map((r) => r.id),
    reason:
      `routing rule ${rule.id} chose ${rule.team}` +
      (level === LEVELS[0] ? '' : `; starts at ${level} (${because.join(', ')})`) +
      (team === rule.team ? '' : `, owned there by ${team}`),
  };
}

export function routingRuleHolds(rule: RoutingRule, facts: RoutingFacts): boolean {
  return (
    equalWhenSet(rule.category, facts.category) &&
    equalWhenSet(rule.subcategory, facts.subcategory) &&
    equalWhenSet(rule.channel, facts.channel) &&
    (rule.product === undefined || sameText(rule.product, facts.product)) &&
    equalWhenSet(rule.risk, facts.risk) &&
    equalWhenSet(rule.urgency, facts.urgency) &&
    equalWhenSet(rule.region, facts.region) &&
    (rule.signal === undefined || facts.signals.includes(rule.signal))
  );
}

export function startLevelRuleHolds(rule: StartLevelRule, facts: RoutingFacts): boolean {
  return (
    equalWhenSet(rule.risk, facts.risk) &&
    equalWhenSet(rule.urgency, facts.urgency) &&
    equalWhenSet(rule.category, facts.category) &&
    equalWhenSet(rule.channel, facts.channel) &&
    (rule.signal === undefined || facts.signals.includes(rule.signal)) &&
    (rule.vulnerable !== true || facts.vulnerable.length > 0)
  );
}

function equalWhenSet(condition: string | undefined, value: string | undefined): boolean {
  return condition === undefined || condition === value;
}

function sameText(a: string, b: string | undefined): boolean {
  return b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}
