import { Money, Priority, Risk, Urgency } from '../classification';

/**
 * A rule set is data, versioned and replaced as a whole over the API: the taxonomy (categories from the standards
 * with their subcategories), the rules, the priority matrix and a few settings. Results record the version that
 * made them, and every version is kept, so an old result can still be explained.
 */
export interface RuleSet extends RuleSetDocument {
  version: string;
}

export interface RuleSetDocument {
  taxonomy: CategoryDefinition[];
  rules: Rule[];
  /** Priority from urgency and risk, e.g. urgent + high = P1. */
  priority: PriorityMatrix;
  settings: RuleSetSettings;
}

export interface LocalisedName {
  zh: string;
  en: string;
}

export interface CategoryDefinition {
  id: string;
  name: LocalisedName;
  subcategories: { id: string; name: LocalisedName }[];
}

export type PriorityMatrix = Record<Urgency, Record<Risk, Priority>>;

export interface RuleSetSettings {
  /** The category of a complaint no category rule recognises. */
  fallbackCategory: string;
  /** The confidence reported for such a complaint. */
  fallbackConfidence: number;
}

/**
 * A rule fires when every condition it names holds (and, inside one list, any entry matches). What it does: add
 * `weight` to a category, and/or raise a signal that can make the complaint urgent or raise its risk.
 */
export interface Rule {
  id: string;
  description: string;
  when: RuleConditions;
  then: RuleEffects;
}

export interface RuleConditions {
  /** Any of these phrases (zh or en, either Chinese script) in the subject, description or additional text. */
  keywords?: string[];
  /** Every group matches: at least one phrase of each (e.g. a wrong debit AND money needed now). */
  keywordGroups?: string[][];
  /** Any of these regular expressions (the linear-time subset; see pattern-syntax.ts). */
  patterns?: string[];
  /** The rule does not fire when any of these phrases is present (e.g. a question about fraud, not a fraud). */
  unlessKeywords?: string[];
  channels?: string[];
  /** Any of these phrases in the product named by the channel. */
  products?: string[];
  /** The amount is at least this much in its currency (a currency not listed never matches). */
  amountAtLeast?: Money[];
  /** The customer carries any of these vulnerability flags. */
  vulnerable?: string[];
  /** The same customer complained at least `atLeast` times in the `withinDays` days before this complaint. */
  repeat?: { withinDays: number; atLeast: number };
  /** The complaint was reopened. */
  reopened?: boolean;
}

export interface RuleEffects {
  category?: string;
  subcategory?: string;
  /** Evidence for the category: the category with the most weight wins among those of the highest precedence. */
  weight?: number;
  /** A category rule of higher precedence beats any weight of lower precedence (a stolen card mentioned in a fee complaint is still a stolen card). */
  precedence?: number;
  /** A fact downstream services act on, e.g. unauthorised-transaction, regulator-mentioned. */
  signal?: string;
  urgency?: Extract<Urgency, 'urgent'>;
  risk?: Exclude<Risk, 'low'>;
}
