import { PRIORITY_LEVELS, RISK_LEVELS, URGENCY_LEVELS } from '../classification';
import { compileLinearPattern, toCodePoints } from '../pattern/linear-pattern';
import { PatternSyntaxError } from '../pattern/pattern-syntax';
import { compilePhrase, isWordChar } from '../text/phrase';
import { parseDecimal } from './decimal';
import { Rule, RuleConditions, RuleSetDocument } from './rule-set';

/** The words a rule set may use that are fixed by the wire contract, so every result is a valid event. */
export interface Vocabulary {
  categories: readonly string[];
  channels: readonly string[];
  vulnerabilities: readonly string[];
}

/** One reason a rule set is refused, with where it is (`rules.3.when.patterns.0`). */
export interface RuleSetProblem {
  path: string;
  message: string;
}

const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;
const CURRENCY = /^[A-Z]{3}$/;
const MAX_PHRASE_CHARS = 100;
const MAX_REPEAT_WINDOW_DAYS = 3650;

export function validateVersion(version: string): RuleSetProblem[] {
  return VERSION.test(version)
    ? []
    : [{ path: 'version', message: 'version must be 1-50 letters, digits, dots, dashes or underscores' }];
}

/**
 * Every reason the rule set cannot be used, or an empty list. A rule set is accepted or refused whole: a rule
 * that can never be evaluated safely (a bad pattern), names an unknown category or repeats an id would otherwise
 * leave the engine guessing.
 */
export function validateRuleSet(document: RuleSetDocument, vocabulary: Vocabulary): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  const subcategories = new Map<string, Set<string>>();
  document.taxonomy.forEach((category, i) => {
    const path = `taxonomy.${i}`;
    if (!vocabulary.categories.includes(category.id)) {
      report(`${path}.id`, `unknown category ${category.id}: use one of ${vocabulary.categories.join(', ')}`);
    }
    if (subcategories.has(category.id)) report(`${path}.id`, `duplicate category ${category.id}`);
    const ids = new Set<string>();
    category.subcategories.forEach((sub, j) => {
      if (!SLUG.test(sub.id) || sub.id.length > 100) {
        report(
          `${path}.subcategories.${j}.id`,
          `subcategory ${sub.id} must be lower-case words joined by dashes`,
        );
      }
      if (ids.has(sub.id)) report(`${path}.subcategories.${j}.id`, `duplicate subcategory ${sub.id}`);
      ids.add(sub.id);
    });
    subcategories.set(category.id, ids);
  });
  if (document.taxonomy.length === 0) report('taxonomy', 'the taxonomy needs at least one category');

  const { fallbackCategory, fallbackConfidence } = document.settings;
  if (!subcategories.has(fallbackCategory)) {
    report('settings.fallbackCategory', `fallback category ${fallbackCategory} is not in the taxonomy`);
  }
  if (!(fallbackConfidence >= 0 && fallbackConfidence <= 1)) {
    report('settings.fallbackConfidence', 'fallbackConfidence must be between 0 and 1');
  }
  for (const urgency of URGENCY_LEVELS) {
    for (const risk of RISK_LEVELS) {
      const priority = document.priority?.[urgency]?.[risk];
      if (!PRIORITY_LEVELS.includes(priority)) {
        report(
          `priority.${urgency}.${risk}`,
          `priority for ${urgency} and ${risk} risk must be one of P1-P4`,
        );
      }
    }
  }

  if (document.rules.length === 0) report('rules', 'a rule set needs at least one rule');
  const ruleIds = new Set<string>();
  document.rules.forEach((rule, i) => {
    const path = `rules.${i}`;
    if (!RULE_ID.test(rule.id)) {
      report(`${path}.id`, 'a rule id is 1-100 letters, digits, dots, dashes or underscores');
    }
    if (ruleIds.has(rule.id)) report(`${path}.id`, `duplicate rule id ${rule.id}`);
    ruleIds.add(rule.id);
    validateConditions(rule.when, `${path}.when`, vocabulary, report);
    validateEffects(rule, `${path}.then`, subcategories, report);
  });
  return problems;
}

type Report = (path: string, message: string) => void;

function validateConditions(
  when: RuleConditions,
  path: string,
  vocabulary: Vocabulary,
  report: Report,
): void {
  const named = Object.entries(when).filter(([, value]) => value !== undefined);
  if (named.length === 0) report(path, 'a rule needs at least one condition');
  for (const [key, value] of named) {
    if (Array.isArray(value) && value.length === 0) report(`${path}.${key}`, `${key} must not be empty`);
  }
  for (const key of ['keywords', 'unlessKeywords', 'products'] as const) {
    when[key]?.forEach((phrase, i) => validatePhrase(phrase, `${path}.${key}.${i}`, report));
  }
  when.keywordGroups?.forEach((group, i) => {
    if (group.length === 0) report(`${path}.keywordGroups.${i}`, 'a keyword group must not be empty');
    group.forEach((phrase, j) => validatePhrase(phrase, `${path}.keywordGroups.${i}.${j}`, report));
  });
  if (when.unlessKeywords && named.length === 1) {
    report(path, 'unlessKeywords alone would fire on nearly every complaint; add a positive condition');
  }
  when.patterns?.forEach((pattern, i) => validatePattern(pattern, `${path}.patterns.${i}`, report));
  when.channels?.forEach((channel, i) => {
    if (!vocabulary.channels.includes(channel)) {
      report(
        `${path}.channels.${i}`,
        `unknown channel ${channel}: use one of ${vocabulary.channels.join(', ')}`,
      );
    }
  });
  when.vulnerable?.forEach((flag, i) => {
    if (!vocabulary.vulnerabilities.includes(flag)) {
      report(
        `${path}.vulnerable.${i}`,
        `unknown vulnerability ${flag}: use one of ${vocabulary.vulnerabilities.join(', ')}`,
      );
    }
  });
  const currencies = new Set<string>();
  when.amountAtLeast?.forEach((money, i) => {
    if (!CURRENCY.test(money.currency)) {
      report(`${path}.amountAtLeast.${i}.currency`, 'currency must be an ISO 4217 code such as CNY');
    }
    if (currencies.has(money.currency)) {
      report(`${path}.amountAtLeast.${i}.currency`, `duplicate threshold for ${money.currency}`);
    }
    currencies.add(money.currency);
    const value = parseDecimal(money.value);
    if (value === null || value <= 0n) {
      report(
        `${path}.amountAtLeast.${i}.value`,
        'the threshold must be a positive decimal string such as 50000.00',
      );
    }
  });
  if (when.repeat) {
    const { withinDays, atLeast } = when.repeat;
    if (!Number.isInteger(withinDays) || withinDays < 1 || withinDays > MAX_REPEAT_WINDOW_DAYS) {
      report(
        `${path}.repeat.withinDays`,
        `withinDays must be a whole number of days from 1 to ${MAX_REPEAT_WINDOW_DAYS}`,
      );
    }
    if (!Number.isInteger(atLeast) || atLeast < 1) {
      report(`${path}.repeat.atLeast`, 'atLeast must be a whole number of at least 1');
    }
  }
}

function validatePhrase(phrase: string, path: string, report: Report): void {
  const compiled = compilePhrase(phrase);
  if (compiled.text === '') {
    report(path, 'the phrase is empty once normalised');
    return;
  }
  if (Array.from(phrase).length > MAX_PHRASE_CHARS)
    report(path, `a phrase may have at most ${MAX_PHRASE_CHARS} characters`);
  const star = phrase.indexOf('*');
  if (star >= 0 && star !== phrase.trimEnd().length - 1) {
    report(path, "'*' may only end a phrase (a word prefix, e.g. refund*)");
  } else if (star >= 0 && !isWordChar(compiled.text[compiled.text.length - 1])) {
    report(
      path,
      "'*' must follow a letter or digit of a spaced script (Chinese phrases match anywhere already)",
    );
  }
}

function validatePattern(pattern: string, path: string, report: Report): void {
  try {
    const compiled = compileLinearPattern(pattern);
    if (compiled.find(toCodePoints('')) !== null) {
      report(path, 'the pattern matches empty text, so it would fire on every complaint');
    }
  } catch (error) {
    if (!(error instanceof PatternSyntaxError)) throw error;
    report(path, `invalid pattern: ${error.message}`);
  }
}

function validateEffects(
  rule: Rule,
  path: string,
  subcategories: Map<string, Set<string>>,
  report: Report,
): void {
  const then = rule.then;
  if (!then.category && !then.signal) report(path, 'a rule must set a category, a signal, or both');
  if (then.category !== undefined) {
    const known = subcategories.get(then.category);
    if (!known) report(`${path}.category`, `unknown category ${then.category}: it is not in the taxonomy`);
    if (then.subcategory !== undefined && known && !known.has(then.subcategory)) {
      report(`${path}.subcategory`, `unknown subcategory ${then.subcategory} of ${then.category}`);
    }
    if (then.weight === undefined || !(then.weight > 0 && then.weight <= 1000)) {
      report(`${path}.weight`, 'a category rule needs a weight above 0 and at most 1000');
    }
  } else {
    for (const key of ['subcategory', 'weight', 'precedence'] as const) {
      if (then[key] !== undefined) report(`${path}.${key}`, `${key} needs a category`);
    }
  }
  if (
    then.precedence !== undefined &&
    !(Number.isInteger(then.precedence) && then.precedence >= 0 && then.precedence <= 100)
  ) {
    report(`${path}.precedence`, 'precedence must be a whole number from 0 to 100');
  }
  if (then.signal !== undefined && (!SLUG.test(then.signal) || then.signal.length > 100)) {
    report(`${path}.signal`, 'a signal is lower-case words joined by dashes, e.g. account-frozen');
  }
  if ((then.urgency !== undefined || then.risk !== undefined) && then.signal === undefined) {
    report(path, 'a rule that raises urgency or risk must name the signal, so results say why');
  }
  if (then.urgency !== undefined && then.urgency !== 'urgent')
    report(`${path}.urgency`, "urgency can only be raised to 'urgent'");
  if (then.risk !== undefined && then.risk !== 'medium' && then.risk !== 'high') {
    report(`${path}.risk`, "risk can only be raised to 'medium' or 'high'");
  }
}
