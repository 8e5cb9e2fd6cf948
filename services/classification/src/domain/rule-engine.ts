import { Classification, ComplaintFacts, Priority, Risk, RuleMatch, Urgency } from './classification';
import { RuleSet } from './rule-set';

const RISK_ORDER: Risk[] = ['low', 'medium', 'high'];

/**
 * Classifies a complaint by keyword rules, case-insensitively and without regular expressions on the input (so no
 * input can make it backtrack). The best-scoring category wins; signals raise urgency and risk; every rule that
 * fired is reported with the text it matched, so an agent can see why.
 */
export function classify(facts: ComplaintFacts, ruleSet: RuleSet): Classification {
  const text = `${facts.subject}\n${facts.description}`.toLowerCase();
  const matchedRules: RuleMatch[] = [];

  const scores = new Map<string, { score: number; subcategory?: string; best: number }>();
  for (const rule of ruleSet.categories) {
    const hit = rule.keywords.find((k) => text.includes(k.toLowerCase()));
    if (!hit) continue;
    matchedRules.push({ ruleId: rule.id, matched: hit });
    const current = scores.get(rule.category) ?? { score: 0, best: 0 };
    current.score += rule.weight;
    if (rule.weight > current.best) {
      current.best = rule.weight;
      current.subcategory = rule.subcategory;
    }
    scores.set(rule.category, current);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score);
  const [top, second] = ranked;

  let urgency: Urgency = 'general';
  let risk: Risk = 'low';
  const signals: string[] = [];
  const raiseRisk = (to: Risk) => {
    if (RISK_ORDER.indexOf(to) > RISK_ORDER.indexOf(risk)) risk = to;
  };
  for (const rule of ruleSet.signals) {
    const hit = rule.keywords.find((k) => text.includes(k.toLowerCase()));
    if (!hit) continue;
    matchedRules.push({ ruleId: rule.id, matched: hit });
    signals.push(rule.signal);
    if (rule.raises.urgency) urgency = rule.raises.urgency;
    if (rule.raises.risk) raiseRisk(rule.raises.risk);
  }
  if (facts.amount && Number(facts.amount.value) >= ruleSet.largeAmountThreshold) {
    signals.push('large-amount');
    matchedRules.push({
      ruleId: 'sig-large-amount',
      matched: `${facts.amount.value} ${facts.amount.currency}`,
    });
    raiseRisk('high');
  }
  if (facts.vulnerable.length > 0) {
    signals.push('vulnerable-customer');
    matchedRules.push({ ruleId: 'sig-vulnerable', matched: facts.vulnerable.join(',') });
    raiseRisk('medium');
  }
  if (facts.channel === 'regulator-referral') {
    signals.push('regulator-referral');
    matchedRules.push({ ruleId: 'sig-regulator-channel', matched: facts.channel });
    raiseRisk('high');
  }

  return {
    category: top ? top[0] : 'other',
    ...(top?.[1].subcategory ? { subcategory: top[1].subcategory } : {}),
    urgency,
    risk,
    priority: priorityOf(urgency, risk),
    confidence: confidenceOf(top?.[1].score ?? 0, second?.[1].score ?? 0),
    ruleSetVersion: ruleSet.version,
    matchedRules,
    signals,
  };
}

/** P1 urgent and high risk; P2 urgent or high risk; P3 medium risk; P4 the rest. */
export function priorityOf(urgency: Urgency, risk: Risk): Priority {
  if (urgency === 'urgent' && risk === 'high') return 'P1';
  if (urgency === 'urgent' || risk === 'high') return 'P2';
  if (risk === 'medium') return 'P3';
  return 'P4';
}

/** No match: low confidence; a clear winner over the runner-up: high. */
function confidenceOf(top: number, second: number): number {
  if (top === 0) return 0.2;
  return Math.round(Math.min(0.99, 0.5 + (0.5 * (top - second)) / top) * 100) / 100;
}
