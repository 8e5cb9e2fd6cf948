import { RuleSetDocument } from './rule-set';
import { validateRuleSet, validateVersion, Vocabulary } from './validate-rule-set';

const vocabulary: Vocabulary = {
  categories: ['account-and-transaction', 'service-attitude', 'other'],
  channels: ['phone', 'mobile-app', 'regulator-referral'],
  vulnerabilities: ['elderly', 'disabled'],
};

function document(overrides: Partial<RuleSetDocument> = {}): RuleSetDocument {
  return {
    taxonomy: [
      {
        id: 'account-and-transaction',
        name: { zh: '账户与交易', en: 'Account' },
        subcategories: [{ id: 'fraud', name: { zh: '诈骗', en: 'Fraud' } }],
      },
      { id: 'other', name: { zh: '其他', en: 'Other' }, subcategories: [] },
    ],
    rules: [
      {
        id: 'acct.fraud',
        description: 'fraud',
        when: { keywords: ['诈骗', 'fraud'] },
        then: {
          category: 'account-and-transaction',
          subcategory: 'fraud',
          weight: 5,
          signal: 'fraud',
          urgency: 'urgent',
        },
      },
    ],
    priority: {
      urgent: { high: 'P1', medium: 'P2', low: 'P2' },
      general: { high: 'P2', medium: 'P3', low: 'P4' },
    },
    settings: { fallbackCategory: 'other', fallbackConfidence: 0.2 },
    ...overrides,
  };
}

const paths = (doc: RuleSetDocument) => validateRuleSet(doc, vocabulary).map((p) => p.path);

describe('rule-set validation', () => {
  it('accepts a well-formed rule set', () => {
    expect(validateRuleSet(document(), vocabulary)).toEqual([]);
  });

  it('reports a bad regex, an unknown category and a duplicate id together, each with where it is', () => {
    // Given a rule set with three different mistakes
    const doc = document({
      rules: [
        { id: 'r1', description: 'bad regex', when: { patterns: ['(unclosed'] }, then: { signal: 'x' } },
        {
          id: 'r2',
          description: 'unknown category',
          when: { keywords: ['a'] },
          then: { category: 'loans', weight: 1 },
        },
        { id: 'r1', description: 'duplicate', when: { keywords: ['b'] }, then: { signal: 'y' } },
      ],
    });

    // When it is validated
    const problems = validateRuleSet(doc, vocabulary);

    // Then every reason is reported
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'rules.0.when.patterns.0', message: expect.stringContaining("'(' is never closed") },
        { path: 'rules.1.then.category', message: expect.stringContaining('unknown category loans') },
        { path: 'rules.2.id', message: 'duplicate rule id r1' },
      ]),
    );
  });

  it('refuses patterns that need backtracking, and patterns that match empty text', () => {
    const doc = document({
      rules: [
        { id: 'r1', description: '', when: { patterns: ['(a)\\1', '(?=x)y', 'a*'] }, then: { signal: 'x' } },
      ],
    });
    expect(validateRuleSet(doc, vocabulary).map((p) => p.message)).toEqual([
      expect.stringContaining('backreferences are not supported'),
      expect.stringContaining('lookaround is not supported'),
      expect.stringContaining('matches empty text'),
    ]);
  });

  it('refuses taxonomy categories the wire contract does not know, and duplicates', () => {
    const doc = document({
      taxonomy: [
        { id: 'other', name: { zh: '其他', en: 'Other' }, subcategories: [] },
        { id: 'other', name: { zh: '其他', en: 'Other' }, subcategories: [] },
        { id: 'crypto', name: { zh: '加密', en: 'Crypto' }, subcategories: [] },
      ],
      rules: [{ id: 'r', description: '', when: { keywords: ['x'] }, then: { signal: 's' } }],
    });
    expect(paths(doc)).toEqual(['taxonomy.1.id', 'taxonomy.2.id']);
  });

  it('checks every kind of condition', () => {
    const doc = document({
      rules: [
        {
          id: 'r',
          description: '',
          when: {
            keywords: ['  ', 'ref*und'],
            keywordGroups: [[]],
            channels: ['pigeon'],
            vulnerable: ['tall'],
            amountAtLeast: [
              { currency: 'cny', value: '10' },
              { currency: 'USD', value: '-1' },
              { currency: 'USD', value: '5' },
            ],
            repeat: { withinDays: 0, atLeast: 0 },
          },
          then: { signal: 's' },
        },
      ],
    });
    expect(paths(doc)).toEqual([
      'rules.0.when.keywords.0',
      'rules.0.when.keywords.1',
      'rules.0.when.keywordGroups.0',
      'rules.0.when.channels.0',
      'rules.0.when.vulnerable.0',
      'rules.0.when.amountAtLeast.0.currency',
      'rules.0.when.amountAtLeast.1.value',
      'rules.0.when.amountAtLeast.2.currency',
      'rules.0.when.repeat.withinDays',
      'rules.0.when.repeat.atLeast',
    ]);
  });

  it('refuses a rule without conditions, without effects, or raising a level without naming the signal', () => {
    const doc = document({
      rules: [
        { id: 'a', description: '', when: {}, then: { signal: 's' } },
        { id: 'b', description: '', when: { keywords: ['x'] }, then: {} },
        {
          id: 'c',
          description: '',
          when: { keywords: ['x'] },
          then: { category: 'other', weight: 1, urgency: 'urgent' },
        },
        { id: 'd', description: '', when: { unlessKeywords: ['x'] }, then: { signal: 's' } },
      ],
    });
    expect(paths(doc)).toEqual(['rules.0.when', 'rules.1.then', 'rules.2.then', 'rules.3.when']);
  });

  it('checks category effects: subcategory in the taxonomy, a positive weight, bounded precedence', () => {
    const doc = document({
      rules: [
        {
          id: 'a',
          description: '',
          when: { keywords: ['x'] },
          then: { category: 'other', subcategory: 'nope', weight: 0, precedence: 101 },
        },
        { id: 'b', description: '', when: { keywords: ['x'] }, then: { signal: 'Not A Slug', weight: 2 } },
      ],
    });
    expect(paths(doc)).toEqual([
      'rules.0.then.subcategory',
      'rules.0.then.weight',
      'rules.0.then.precedence',
      'rules.1.then.weight',
      'rules.1.then.signal',
    ]);
  });

  it('checks the fallback, the priority matrix and the version name', () => {
    const doc = document({
      settings: { fallbackCategory: 'service-attitude', fallbackConfidence: 2 },
      // As a JSON body could say it: a priority the matrix does not allow.
      priority: JSON.parse(
        '{"urgent":{"high":"P1","medium":"P2","low":"P2"},"general":{"high":"P9","medium":"P3","low":"P4"}}',
      ) as RuleSetDocument['priority'],
    });
    expect(paths(doc)).toEqual([
      'settings.fallbackCategory',
      'settings.fallbackConfidence',
      'priority.general.high',
    ]);
    expect(validateVersion('2026.12-1')).toEqual([]);
    expect(validateVersion('a version')).toHaveLength(1);
  });
});
