import { Classification, ComplaintFacts, higherRisk, Risk, RuleMatch, Urgency } from '../classification';
import { CodePoints, toCodePoints } from '../pattern/linear-pattern';
import { CompiledRule, CompiledRuleSet } from '../rule-set/compiled-rule-set';
import { parseDecimal } from '../rule-set/decimal';
import { normaliseText, NormalisedText, originalSlice } from '../text/normalised-text';
import { findPhrase, Phrase } from '../text/phrase';

/**
 * How much text is read. Intake caps a description at 10,000 characters; this bound keeps the cost of one
 * classification bounded even for text that did not come through intake (replays, reopen reasons).
 */
export const MAX_SCANNED_CHARS = 20_000;

/** The wire contract's limits on the explanation. */
const MAX_MATCHED_RULES = 100;
const MAX_SIGNALS = 50;
const MAX_MATCHED_CHARS = 200;
const DAY_MS = 86_400_000;

/**
 * Classifies a complaint with a rule set: every rule whose conditions hold fires; category rules add weight to
 * their category (precedence first, then weight, decides); signal rules make the complaint urgent or raise its
 * risk; the priority comes from the rule set's matrix. Every rule that fired is reported with what it matched.
 */
export function classify(facts: ComplaintFacts, compiled: CompiledRuleSet): Classification {
  const input = new RuleInput(facts);
  const matchedRules: RuleMatch[] = [];
  const signals: string[] = [];
  const candidates = new Map<string, CategoryCandidate>();
  let urgency: Urgency = 'general';
  let risk: Risk = 'low';

  for (const rule of compiled.rules) {
    const matched = evaluate(rule, input);
    if (matched === null) continue;
    const effects = rule.rule.then;
    matchedRules.push({ ruleId: rule.rule.id, matched: truncate(matched) });
    if (effects.category) addEvidence(candidates, rule);
    if (effects.signal && !signals.includes(effects.signal)) signals.push(effects.signal);
    if (effects.urgency) urgency = 'urgent';
    if (effects.risk) risk = higherRisk(risk, effects.risk);
  }

  const { ruleSet } = compiled;
  const ranked = [...candidates.values()].sort(compareCandidates);
  const [top, runnerUp] = ranked;
  return {
    category: top ? top.category : ruleSet.settings.fallbackCategory,
    ...(top?.subcategory ? { subcategory: top.subcategory } : {}),
    urgency,
    risk,
    priority: ruleSet.priority[urgency][risk],
    confidence: top ? confidenceOf(top, runnerUp) : ruleSet.settings.fallbackConfidence,
    ruleSetVersion: ruleSet.version,
    matchedRules: matchedRules.slice(0, MAX_MATCHED_RULES),
    signals: signals.slice(0, MAX_SIGNALS),
  };
}

/** The complaint prepared once for all rules. */
class RuleInput {
  readonly text: NormalisedText;
  readonly product: NormalisedText;
  private points?: CodePoints;

  constructor(readonly facts: ComplaintFacts) {
    const parts = [facts.subject, facts.description, ...(facts.additionalText ?? [])];
    this.text = normaliseText(parts.join('\n'), MAX_SCANNED_CHARS);
    this.product = normaliseText(facts.product ?? '', MAX_SCANNED_CHARS);
  }

  /** Computed once, and only when a rule has patterns. */
  get codePoints(): CodePoints {
    this.points ??= toCodePoints(this.text.text);
    return this.points;
  }
}

/** What the rule matched, or null when one of its conditions does not hold. Cheap conditions first. */
function evaluate(rule: CompiledRule, input: RuleInput): string | null {
  const when = rule.rule.when;
  const { facts } = input;
  const matched: string[] = [];

  if (when.channels) {
    if (!when.channels.includes(facts.channel)) return null;
    matched.push(`channel ${facts.channel}`);
  }
  if (when.vulnerable) {
    const flags = facts.vulnerable.filter((flag) => when.vulnerable?.includes(flag));
    if (flags.length === 0) return null;
    matched.push(`vulnerable: ${flags.join(', ')}`);
  }
  if (when.reopened !== undefined) {
    if (when.reopened !== facts.reopened) return null;
    matched.push(facts.reopened ? 'reopened' : 'not reopened');
  }
  if (rule.amountAtLeast.size > 0) {
    const amount = facts.amount;
    const threshold = amount ? rule.amountAtLeast.get(amount.currency) : undefined;
    const value = amount ? parseDecimal(amount.value) : null;
    if (!amount || threshold === undefined || value === null || value < threshold) return null;
    matched.push(`${amount.value} ${amount.currency}`);
  }
  if (when.repeat) {
    const since = facts.receivedAt.getTime() - when.repeat.withinDays * DAY_MS;
    const earlier = facts.earlierComplaints.filter(
      (t) => t.getTime() >= since && t.getTime() < facts.receivedAt.getTime(),
    ).length;
    if (earlier < when.repeat.atLeast) return null;
    matched.push(`${earlier} earlier complaint(s) within ${when.repeat.withinDays} days`);
  }
  if (rule.products.length > 0) {
    const hit = firstPhrase(input.product, rule.products);
    if (hit === null) return null;
    matched.push(`product ${hit}`);
  }
  if (rule.unlessKeywords.length > 0 && firstPhrase(input.text, rule.unlessKeywords) !== null) return null;
  if (rule.keywords.length > 0) {
    const hit = firstPhrase(input.text, rule.keywords);
    if (hit === null) return null;
    matched.push(hit);
  }
  if (rule.keywordGroups.length > 0) {
    const hits: string[] = [];
    for (const group of rule.keywordGroups) {
      const hit = firstPhrase(input.text, group);
      if (hit === null) return null;
      hits.push(hit);
    }
    matched.push(hits.join(' + '));
  }
  if (rule.patterns.length > 0) {
    const hit = firstPattern(input, rule);
    if (hit === null) return null;
    matched.push(hit);
  }
  return matched.join('; ');
}

/** The original text of the first phrase that occurs, or null. */
function firstPhrase(text: NormalisedText, phrases: Phrase[]): string | null {
  for (const phrase of phrases) {
    const at = findPhrase(text.text, phrase);
    if (at >= 0) return originalSlice(text, at, at + phrase.text.length);
  }
  return null;
}

function firstPattern(input: RuleInput, rule: CompiledRule): string | null {
  const points = input.codePoints;
  for (const pattern of rule.patterns) {
    const span = pattern.find(points);
    if (span) return originalSlice(input.text, points.offsets[span[0]], points.offsets[span[1]]);
  }
  return null;
}

interface CategoryCandidate {
  category: string;
  precedence: number;
  weight: number;
  subcategory?: string;
  /** The rule that chose the subcategory: the strongest one of this category that names one. */
  subcategoryStrength: [number, number, number];
  firstOrder: number;
}

function addEvidence(candidates: Map<string, CategoryCandidate>, rule: CompiledRule): void {
  const effects = rule.rule.then;
  const category = effects.category as string;
  const precedence = effects.precedence ?? 0;
  const weight = effects.weight ?? 0;
  const current = candidates.get(category) ?? {
    category,
    precedence,
    weight: 0,
    subcategoryStrength: [-Infinity, -Infinity, 0],
    firstOrder: rule.order,
  };
  current.precedence = Math.max(current.precedence, precedence);
  current.weight += weight;
  // Stronger means higher precedence, then more weight, then earlier in the rule set.
  const strength: [number, number, number] = [precedence, weight, -rule.order];
  if (effects.subcategory && compareTuples(strength, current.subcategoryStrength) > 0) {
    current.subcategory = effects.subcategory;
    current.subcategoryStrength = strength;
  }
  candidates.set(category, current);
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Best first: higher precedence, then more weight, then the category whose first rule comes first. */
function compareCandidates(a: CategoryCandidate, b: CategoryCandidate): number {
  return b.precedence - a.precedence || b.weight - a.weight || a.firstOrder - b.firstOrder;
}

/**
 * How clearly the winner won: 0.5 for a tie with the runner-up, towards 1 as its margin grows. A runner-up of lower
 * precedence does not count against it (precedence is the rule author's explicit decision).
 */
function confidenceOf(top: CategoryCandidate, runnerUp: CategoryCandidate | undefined): number {
  const rival = runnerUp && runnerUp.precedence === top.precedence ? runnerUp.weight : 0;
  if (top.weight <= 0) return 0.5;
  const confidence = Math.min(0.99, 0.5 + (0.5 * (top.weight - rival)) / top.weight);
  return Math.round(confidence * 100) / 100;
}

function truncate(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_MATCHED_CHARS ? text : `${chars.slice(0, MAX_MATCHED_CHARS - 1).join('')}…`;
}
