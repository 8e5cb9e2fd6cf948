import { LEVELS } from '../level';
import { ANY_KEY, MatrixContent, RiskThreshold, RoutingRule, StartLevelRule } from './escalation-matrix';

/** One thing wrong with a proposed matrix, at the path of the field as a 400 reports it (`levels.1.team`). */
export interface MatrixProblem {
  field: string;
  message: string;
}

/** Bounds that keep a typo from becoming a policy: a window of a month at most, a team name as a slug. */
const MAX_WINDOW_MINUTES = 31 * 24 * 60;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const ROUTING_CONDITIONS = [
  'category',
  'subcategory',
  'channel',
  'product',
  'risk',
  'urgency',
  'region',
  'signal',
] as const satisfies readonly (keyof RoutingRule)[];
const START_CONDITIONS = [
  'risk',
  'urgency',
  'category',
  'channel',
  'signal',
  'vulnerable',
] as const satisfies readonly (keyof StartLevelRule)[];

/**
 * The rules a matrix must keep beyond the shape of its fields: the four levels in order, a catch-all route, no
 * duplicate ids, thresholds that can be judged. Every problem is reported, so a bad matrix is refused whole
 * with all of its faults at once.
 */
export function validateMatrix(matrix: MatrixContent): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  const report = (field: string, message: string) => problems.push({ field, message });
  checkLevels(matrix, report);
  checkRoutingRules(matrix.routingRules, report);
  checkStartLevelRules(matrix.startLevelRules, report);
  checkRisk(matrix, report);
  return problems;
}

type Report = (field: string, message: string) => void;

function checkLevels(matrix: MatrixContent, report: Report): void {
  const names = matrix.levels.map((l) => l.level);
  if (names.join(',') !== LEVELS.join(',')) {
    report('levels', `the levels must be exactly ${LEVELS.join(', ')}, in that order`);
  }
  matrix.levels.forEach((policy, i) => {
    const path = `levels.${i}`;
    const lowest = i === 0;
    const top = i === matrix.levels.length - 1;
    if (policy.team !== undefined && !SLUG.test(policy.team)) {
      report(`${path}.team`, 'a team is lower-case words joined by dashes, e.g. consumer-protection');
    }
    if (policy.acknowledgeWithinMinutes === undefined && !lowest) {
      report(
        `${path}.acknowledgeWithinMinutes`,
        'a level that receives escalations needs an acknowledgement window',
      );
    }
    if (
      policy.acknowledgeWithinMinutes !== undefined &&
      policy.acknowledgeWithinMinutes > MAX_WINDOW_MINUTES
    ) {
      report(`${path}.acknowledgeWithinMinutes`, `at most ${MAX_WINDOW_MINUTES} minutes`);
    }
    if (top && policy.escalateWhenUnacknowledged) {
      report(`${path}.escalateWhenUnacknowledged`, 'the top level has no level above to escalate to');
    }
  });
}

function checkRoutingRules(rules: RoutingRule[], report: Report): void {
  if (rules.length === 0) report('routingRules', 'at least one routing rule (a catch-all) is needed');
  reportDuplicates(rules, (r) => r.id, 'routingRules', 'id', report);
  reportDuplicates(rules, (r) => String(r.order), 'routingRules', 'order', report);
  rules.forEach((rule, i) => {
    if (!SLUG.test(rule.team)) {
      report(`routingRules.${i}.team`, 'a team is lower-case words joined by dashes, e.g. risk-control');
    }
  });
  const catchAll = rules.some((rule) => ROUTING_CONDITIONS.every((c) => rule[c] === undefined));
  if (rules.length > 0 && !catchAll) {
    report(
      'routingRules',
      'one rule must have no conditions (the catch-all), so every complaint has an owner',
    );
  }
}

function checkStartLevelRules(rules: StartLevelRule[], report: Report): void {
  reportDuplicates(rules, (r) => r.id, 'startLevelRules', 'id', report);
  rules.forEach((rule, i) => {
    if (START_CONDITIONS.every((c) => rule[c] === undefined)) {
      report(`startLevelRules.${i}`, 'a start-level rule needs at least one condition');
    }
    if (rule.vulnerable === false) {
      report(`startLevelRules.${i}.vulnerable`, 'only true is meaningful; leave it out otherwise');
    }
    if (rule.level === LEVELS[0]) {
      report(
        `startLevelRules.${i}.level`,
        `every complaint starts at ${LEVELS[0]} at least; name a higher level`,
      );
    }
  });
}

function checkRisk(matrix: MatrixContent, report: Report): void {
  const thresholds = matrix.risk.thresholds;
  reportDuplicates(thresholds, (t) => t.id, 'risk.thresholds', 'id', report);
  // Two thresholds on the same window would compete for its one warning.
  reportDuplicates(
    thresholds,
    (t) => `${t.dimension}|${t.key}|${t.metric}|${t.windowMinutes}`,
    'risk.thresholds',
    'windowMinutes',
    report,
    'another threshold already watches this dimension, key and metric over the same window',
  );
  thresholds.forEach((t, i) => checkThreshold(t, `risk.thresholds.${i}`, report));
}

function checkThreshold(t: RiskThreshold, path: string, report: Report): void {
  if (t.key !== ANY_KEY && t.key.trim().length === 0) report(`${path}.key`, 'a key, or * for every key');
  if (t.windowMinutes > MAX_WINDOW_MINUTES)
    report(`${path}.windowMinutes`, `at most ${MAX_WINDOW_MINUTES} minutes`);
  if (t.measure === 'share' && t.metric !== 'low-satisfaction') {
    report(`${path}.measure`, 'a share is only defined for low-satisfaction (low scores among all scores)');
  }
  if (t.measure === 'share' && t.threshold > 1) report(`${path}.threshold`, 'a share is at most 1');
  if (t.measure === 'count' && !Number.isInteger(t.threshold)) {
    report(`${path}.threshold`, 'a count threshold is a whole number');
  }
}

function reportDuplicates<T>(
  items: T[],
  keyOf: (item: T) => string,
  path: string,
  field: string,
  report: Report,
  message?: string,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key)) report(`${path}.${i}.${field}`, message ?? `duplicate ${field} ${key}`);
    seen.add(key);
  });
}
