import { ComplaintFacts } from '../classification';
import { compileRuleSet } from '../rule-set/compiled-rule-set';
import { Rule, RuleSet } from '../rule-set/rule-set';
import { classify } from './rule-engine';

const RECEIVED_AT = new Date('2026-11-20T09:00:00.000Z');
const DAY = 86_400_000;

const RULES: Rule[] = [
  {
    id: 'acct.unauthorised',
    description: 'money taken without authorisation',
    when: { keywords: ['盗刷', 'unauthorised'] },
    then: {
      category: 'account-and-transaction',
      subcategory: 'unauthorised-transaction',
      weight: 6,
      precedence: 2,
    },
  },
  {
    id: 'acct.transfer',
    description: 'transfers',
    when: { keywords: ['转账', 'transfer*'] },
    then: { category: 'account-and-transaction', subcategory: 'transfer', weight: 2 },
  },
  {
    id: 'product.fees',
    description: 'fees',
    when: { keywords: ['手续费', '年费', 'fee', 'fees'], unlessKeywords: ['charged twice'] },
    then: { category: 'product-problem', subcategory: 'fees', weight: 4 },
  },
  {
    id: 'sys.app',
    description: 'app faults',
    when: { patterns: ['(app|应用).{0,10}(crash\\w*|闪退)'] },
    then: { category: 'system-and-technical', weight: 5 },
  },
  {
    id: 'attitude',
    description: 'staff behaviour',
    when: { keywords: ['态度', 'rude'] },
    then: { category: 'service-attitude', weight: 5 },
  },
  {
    id: 'signal.unauthorised',
    description: 'urgent',
    when: { keywords: ['盗刷', 'unauthorised'] },
    then: { signal: 'unauthorised-transaction', urgency: 'urgent', risk: 'high' },
  },
  {
    id: 'signal.hardship',
    description: 'wrong debit and money needed now',
    when: {
      keywordGroups: [
        ['charged twice', '多扣'],
        ['rent is due', '急用钱'],
      ],
    },
    then: { signal: 'hardship-after-wrong-debit', urgency: 'urgent', risk: 'medium' },
  },
  {
    id: 'signal.large-amount',
    description: 'large amounts',
    when: {
      amountAtLeast: [
        { currency: 'CNY', value: '50000' },
        { currency: 'USD', value: '7000.00' },
      ],
    },
    then: { signal: 'large-amount', risk: 'high' },
  },
  {
    id: 'signal.vulnerable',
    description: 'vulnerable',
    when: { vulnerable: ['elderly', 'disabled'] },
    then: { signal: 'vulnerable-customer', risk: 'medium' },
  },
  {
    id: 'signal.regulator-referral',
    description: 'regulator referral',
    when: { channels: ['regulator-referral'] },
    then: { signal: 'regulator-referral', risk: 'high' },
  },
  {
    id: 'signal.credit-card',
    description: 'credit-card product',
    when: { products: ['信用卡', 'credit card'] },
    then: { signal: 'credit-card-product' },
  },
  {
    id: 'signal.repeat',
    description: 'repeat within 30 days',
    when: { repeat: { withinDays: 30, atLeast: 1 } },
    then: { signal: 'repeat-complainant', risk: 'medium' },
  },
  {
    id: 'signal.reopened',
    description: 'reopened',
    when: { reopened: true },
    then: { signal: 'reopened-complaint', risk: 'medium' },
  },
];

const RULE_SET: RuleSet = {
  version: 'test-1',
  taxonomy: [],
  rules: RULES,
  priority: {
    urgent: { high: 'P1', medium: 'P2', low: 'P2' },
    general: { high: 'P2', medium: 'P3', low: 'P4' },
  },
  settings: { fallbackCategory: 'other', fallbackConfidence: 0.2 },
};
const COMPILED = compileRuleSet(RULE_SET);

function facts(subject: string, description: string, extra: Partial<ComplaintFacts> = {}): ComplaintFacts {
  return {
    subject,
    description,
    channel: 'mobile-app',
    vulnerable: [],
    receivedAt: RECEIVED_AT,
    earlierComplaints: [],
    reopened: false,
    ...extra,
  };
}

describe('classification rule engine', () => {
  it('classifies a simplified and a traditional complaint alike, quoting what the customer wrote', () => {
    // Given the same complaint in simplified and in traditional Chinese
    const simplified = classify(facts('信用卡被盗刷', '昨晚被盗刷了两笔'), COMPILED);
    const traditional = classify(facts('信用卡被盜刷', '昨晚被盜刷了兩筆'), COMPILED);

    // Then both are urgent, high-risk P1 account complaints
    for (const result of [simplified, traditional]) {
      expect(result).toMatchObject({
        category: 'account-and-transaction',
        subcategory: 'unauthorised-transaction',
        urgency: 'urgent',
        risk: 'high',
        priority: 'P1',
        ruleSetVersion: 'test-1',
        signals: ['unauthorised-transaction'],
      });
    }
    // And each explanation quotes its own script
    expect(traditional.matchedRules).toContainEqual({ ruleId: 'acct.unauthorised', matched: '盜刷' });
    expect(simplified.matchedRules).toContainEqual({ ruleId: 'acct.unauthorised', matched: '盗刷' });
  });

  it('reads mixed Chinese and English text', () => {
    const result = classify(
      facts('App闪退', 'Every time I open the app crashes, 然后我的transfer也失败了'),
      COMPILED,
    );
    expect(result.category).toBe('system-and-technical');
    expect(result.matchedRules.map((m) => m.ruleId)).toEqual(['acct.transfer', 'sys.app']);
  });

  it('lets precedence beat weight: a stolen card mentioned in a fee complaint is still a stolen card', () => {
    // Given more fee evidence than fraud evidence, but the fraud rule has precedence
    const result = classify(facts('Fees', 'Annual fee, transfer fees and an unauthorised payment'), COMPILED);

    // Then the account category wins, with the subcategory of its strongest rule
    expect(result).toMatchObject({
      category: 'account-and-transaction',
      subcategory: 'unauthorised-transaction',
    });
  });

  it('adds weights per category and picks the heaviest', () => {
    const result = classify(facts('态度', '转账时柜员态度很差，还收了手续费'), COMPILED);
    expect(result.category).toBe('service-attitude');
    // 5 (attitude) against 4 (fees): a narrow win, so a middling confidence
    expect(result.confidence).toBe(0.6);
  });

  it('falls back with low confidence when no category rule fires, including for empty text', () => {
    expect(classify(facts('Hello', 'Nothing in particular.'), COMPILED)).toMatchObject({
      category: 'other',
      confidence: 0.2,
      urgency: 'general',
      risk: 'low',
      priority: 'P4',
      matchedRules: [],
      signals: [],
    });
    expect(classify(facts('', ''), COMPILED).category).toBe('other');
  });

  it('needs every keyword group: a wrong debit alone is not urgent, with money needed now it is', () => {
    expect(classify(facts('Charged twice', 'I was charged twice for lunch'), COMPILED).urgency).toBe(
      'general',
    );
    const urgent = classify(facts('Charged twice', 'I was charged twice and my rent is due'), COMPILED);
    expect(urgent).toMatchObject({ urgency: 'urgent', signals: ['hardship-after-wrong-debit'] });
    expect(urgent.matchedRules).toContainEqual({
      ruleId: 'signal.hardship',
      matched: 'Charged twice + rent is due',
    });
  });

  it('skips a rule when an unless phrase is present', () => {
    const result = classify(facts('Fee', 'The fee was charged twice'), COMPILED);
    expect(result.matchedRules.map((m) => m.ruleId)).not.toContain('product.fees');
  });

  it('raises risk for a large amount in its currency only', () => {
    const inCny = classify(facts('x', 'y', { amount: { value: '50000.00', currency: 'CNY' } }), COMPILED);
    const belowUsd = classify(facts('x', 'y', { amount: { value: '6999.99', currency: 'USD' } }), COMPILED);
    const unknownCurrency = classify(
      facts('x', 'y', { amount: { value: '999999', currency: 'JPY' } }),
      COMPILED,
    );
    expect(inCny).toMatchObject({ risk: 'high', priority: 'P2', signals: ['large-amount'] });
    expect(inCny.matchedRules).toContainEqual({ ruleId: 'signal.large-amount', matched: '50000.00 CNY' });
    expect(belowUsd.signals).toEqual([]);
    expect(unknownCurrency.signals).toEqual([]);
  });

  it('raises risk for a vulnerable customer and a regulator referral, and reads the product field', () => {
    const result = classify(
      facts('Question', 'Why this charge?', {
        vulnerable: ['elderly'],
        channel: 'regulator-referral',
        product: '白金信用卡',
      }),
      COMPILED,
    );
    expect(result.signals).toEqual(['vulnerable-customer', 'regulator-referral', 'credit-card-product']);
    expect(result).toMatchObject({ risk: 'high', priority: 'P2' });
    expect(result.matchedRules).toContainEqual({ ruleId: 'signal.credit-card', matched: 'product 信用卡' });
  });

  it('counts repeat complaints by the same customer inside the window only', () => {
    // Given one earlier complaint 29 days ago and one 31 days ago
    const earlier = [new Date(RECEIVED_AT.getTime() - 31 * DAY), new Date(RECEIVED_AT.getTime() - 29 * DAY)];
    const result = classify(facts('x', 'y', { earlierComplaints: earlier }), COMPILED);

    // Then one counts
    expect(result.signals).toEqual(['repeat-complainant']);
    expect(result.matchedRules).toContainEqual({
      ruleId: 'signal.repeat',
      matched: '1 earlier complaint(s) within 30 days',
    });
    // And a complaint received later than this one does not
    const later = classify(
      facts('x', 'y', { earlierComplaints: [new Date(RECEIVED_AT.getTime() + DAY)] }),
      COMPILED,
    );
    expect(later.signals).toEqual([]);
  });

  it('raises risk for a reopened complaint and reads the reopen reason', () => {
    const result = classify(
      facts('Transfer', 'My transfer failed', {
        reopened: true,
        additionalText: ['the card was 盗刷 again'],
      }),
      COMPILED,
    );
    expect(result.signals).toEqual(['unauthorised-transaction', 'reopened-complaint']);
    expect(result.priority).toBe('P1');
  });

  it('classifies a 1,000,000-character text, reading only its bounded prefix', () => {
    // Given a huge text whose only signal word is past the scanned part
    const long = `${'a'.repeat(1_000_000)} 盗刷`;

    // Then it finishes and does not see the word
    expect(classify(facts('x', long), COMPILED)).toMatchObject({ category: 'other', urgency: 'general' });
  });

  it('classifies very long real text that matches throughout', () => {
    const long = '转账失败，手续费也多收了。'.repeat(700);
    expect(classify(facts('x', long), COMPILED).category).toBe('product-problem');
  });

  it('stays fast on text built to defeat regular expressions', () => {
    // Given a rule set whose pattern a backtracking engine cannot finish on this text
    const bomb = compileRuleSet({
      ...RULE_SET,
      rules: [
        { id: 'bomb', description: '', when: { patterns: ['^(\\w+\\s?)*$'] }, then: { signal: 'never' } },
      ],
    });
    const text = `${'word '.repeat(3_000)}!`;

    // When it classifies (the test's timeout is the bound)
    const result = classify(facts('x', text), bomb);

    // Then it completes without a match
    expect(result.signals).toEqual([]);
  });

  it('caps the explanation at the wire contract limits', () => {
    const many = compileRuleSet({
      ...RULE_SET,
      rules: Array.from({ length: 120 }, (_, i) => ({
        id: `r${i}`,
        description: '',
        when: { patterns: ['x+'] },
        then: { signal: `s-${i}` },
      })),
    });
    const result = classify(facts('y', 'x'.repeat(500)), many);
    expect(result.matchedRules).toHaveLength(100);
    expect(result.signals).toHaveLength(50);
    expect(Array.from(result.matchedRules[0].matched)).toHaveLength(200);
  });
});
