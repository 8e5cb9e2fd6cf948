/** The assessment the standards ask for at intake (domain-requirements §3, §4): what, how urgent, how risky. */
export type Urgency = 'urgent' | 'general';
export type Risk = 'low' | 'medium' | 'high';
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';

export interface ComplaintFacts {
  subject: string;
  description: string;
  channel: string;
  product?: string;
  amount?: { value: string; currency: string };
  vulnerable: string[];
}

export interface RuleMatch {
  ruleId: string;
  matched: string;
}

export interface Classification {
  category: string;
  subcategory?: string;
  urgency: Urgency;
  risk: Risk;
  priority: Priority;
  confidence: number;
  ruleSetVersion: string;
  matchedRules: RuleMatch[];
  signals: string[];
}
