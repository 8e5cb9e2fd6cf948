/**
 * Routing rules are data (the escalation matrix): the first rule, by order, whose conditions all hold names the
 * owning team. The standards send technical faults to the technology team and large transfers and fraud to risk
 * control (domain-requirements §5). Levels, acknowledgement windows and re-escalation arrive with issue #6.
 */
export type Level = 'L1' | 'L2' | 'L3' | 'L4';

export interface RoutingRule {
  id: string;
  order: number;
  category?: string;
  urgency?: string;
  risk?: string;
  /** Matches when the complaint carries this signal (e.g. unauthorised-transaction). */
  signal?: string;
  team: string;
}

export interface RoutingFacts {
  category: string;
  urgency: string;
  risk: string;
  signals: string[];
}

export interface Assignment {
  team: string;
  level: Level;
  ruleId: string;
  reason: string;
}

/** Signals that start a complaint above the frontline (issue #6 makes this part of the matrix). */
const START_HIGHER = new Set(['regulator-referral', 'regulator-mentioned', 'media-mentioned']);

export function route(facts: RoutingFacts, rules: RoutingRule[]): Assignment {
  const rule = [...rules]
    .sort((a, b) => a.order - b.order)
    .find(
      (r) =>
        (!r.category || r.category === facts.category) &&
        (!r.urgency || r.urgency === facts.urgency) &&
        (!r.risk || r.risk === facts.risk) &&
        (!r.signal || facts.signals.includes(r.signal)),
    );
  if (!rule) throw new Error('the escalation matrix has no rule for this complaint (it needs a catch-all)');
  const higher = facts.risk === 'high' || facts.signals.some((s) => START_HIGHER.has(s));
  return {
    team: rule.team,
    level: higher ? 'L2' : 'L1',
    ruleId: rule.id,
    reason: `rule ${rule.id}${higher ? '; starts at L2 (high risk or regulator/media)' : ''}`,
  };
}
