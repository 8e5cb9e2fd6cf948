/** The assessment the standards ask for at intake (domain-requirements §3, §4): what, how urgent, how risky. */
export const URGENCY_LEVELS = ['general', 'urgent'] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];

/** Low to high (domain-requirements [3.11]); the order matters: signals only ever raise risk. */
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type Risk = (typeof RISK_LEVELS)[number];

export const PRIORITY_LEVELS = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITY_LEVELS)[number];

export interface Money {
  value: string;
  currency: string;
}

/** What the rules look at: the complaint as received, plus what this service knows about its history. */
export interface ComplaintFacts {
  subject: string;
  description: string;
  /** Further text to read, e.g. the reason a complaint was reopened. */
  additionalText?: string[];
  channel: string;
  product?: string;
  amount?: Money;
  vulnerable: string[];
  receivedAt: Date;
  /** When this customer's other complaints were received (from the keyed customer hash). */
  earlierComplaints: Date[];
  /** The complaint was reopened after a resolution. */
  reopened: boolean;
}

/** One rule that fired and what it matched: the customer's own words, or the fact that held. */
export interface RuleMatch {
  ruleId: string;
  matched: string;
}

export interface Assessment {
  category: string;
  subcategory?: string;
  urgency: Urgency;
  risk: Risk;
  priority: Priority;
}

export interface Classification extends Assessment {
  confidence: number;
  ruleSetVersion: string;
  matchedRules: RuleMatch[];
  signals: string[];
}

export function higherRisk(a: Risk, b: Risk): Risk {
  return RISK_LEVELS.indexOf(a) >= RISK_LEVELS.indexOf(b) ? a : b;
}

export function higherUrgency(a: Urgency, b: Urgency): Urgency {
  return a === 'urgent' || b === 'urgent' ? 'urgent' : 'general';
}
