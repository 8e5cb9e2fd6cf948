import { RuleSet } from '../../../../../domain/rule-set/rule-set';
import { ACCOUNT_RULES } from './account-rules';
import { PROCESS_ENQUIRY_AND_OTHER_RULES } from './process-enquiry-other-rules';
import { PRODUCT_RULES } from './product-rules';
import { SECURITY_RULES } from './security-rules';
import { SERVICE_RULES } from './service-rules';
import { SIGNAL_RULES } from './signal-rules';
import { SYSTEM_RULES } from './system-rules';
import { TAXONOMY } from './taxonomy';

/**
 * The rule set seeded by migration 1763870000000 as the first version in force: dictionaries in Chinese (simplified; traditional text matches through normalisation) and
 * English, written from the standards' examples (domain-requirements §3) and the signals issue #4 names. Frozen: it
 * is part of a migration's seed; operators change rules with PUT /v1/rule-sets.
 *
 * Weights: 5-6 for words that name the problem itself, 3-4 for strong context, 1-2 for weak context. Precedence
 * lifts a few facts above any amount of context: money taken without authorisation (2), an identity used by
 * someone else (3).
 */
export const DEFAULT_RULE_SET_2026_11_2: RuleSet = {
  version: '2026.11-2',
  taxonomy: TAXONOMY,
  rules: [
    ...ACCOUNT_RULES,
    ...SYSTEM_RULES,
    ...SERVICE_RULES,
    ...PRODUCT_RULES,
    ...SECURITY_RULES,
    ...PROCESS_ENQUIRY_AND_OTHER_RULES,
    ...SIGNAL_RULES,
  ],
  // urgent + high = P1; urgent or high = P2; medium = P3; the rest P4 (the pipeline's behaviour so far).
  priority: {
    urgent: { high: 'P1', medium: 'P2', low: 'P2' },
    general: { high: 'P2', medium: 'P3', low: 'P4' },
  },
  settings: { fallbackCategory: 'other', fallbackConfidence: 0.2 },
};
