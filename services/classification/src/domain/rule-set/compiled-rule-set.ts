import { compileLinearPattern, LinearPattern } from '../pattern/linear-pattern';
import { compilePhrase, Phrase } from '../text/phrase';
import { parseDecimal } from './decimal';
import { Rule, RuleSet } from './rule-set';

/** A rule with its phrases and patterns prepared once per rule-set version, not once per complaint. */
export interface CompiledRule {
  readonly rule: Rule;
  readonly order: number;
  readonly keywords: Phrase[];
  readonly keywordGroups: Phrase[][];
  readonly unlessKeywords: Phrase[];
  readonly patterns: LinearPattern[];
  readonly products: Phrase[];
  /** Thresholds by currency, scaled to integers (see decimal.ts). */
  readonly amountAtLeast: ReadonlyMap<string, bigint>;
}

export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  readonly rules: readonly CompiledRule[];
  /** How far back repeat conditions look, so the caller loads only the history the rules can use. */
  readonly repeatLookbackDays: number;
}

/** Prepares a validated rule set for the engine; throws on what validation would have refused. */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const rules = ruleSet.rules.map((rule, order): CompiledRule => {
    const when = rule.when;
    const thresholds = new Map<string, bigint>();
    for (const money of when.amountAtLeast ?? []) {
      const value = parseDecimal(money.value);
      if (value === null) throw new Error(`rule ${rule.id}: amount ${money.value} is not a decimal`);
      thresholds.set(money.currency, value);
    }
    return {
      rule,
      order,
      keywords: (when.keywords ?? []).map(compilePhrase),
      keywordGroups: (when.keywordGroups ?? []).map((group) => group.map(compilePhrase)),
      unlessKeywords: (when.unlessKeywords ?? []).map(compilePhrase),
      patterns: (when.patterns ?? []).map(compileLinearPattern),
      products: (when.products ?? []).map(compilePhrase),
      amountAtLeast: thresholds,
    };
  });
  return {
    ruleSet,
    rules,
    repeatLookbackDays: Math.max(0, ...ruleSet.rules.map((r) => r.when.repeat?.withinDays ?? 0)),
  };
}
