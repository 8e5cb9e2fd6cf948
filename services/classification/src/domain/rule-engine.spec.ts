import { classify, priorityOf } from './rule-engine';
import { DEFAULT_RULE_SET } from './rule-set';

const facts = (
  subject: string,
  description: string,
  extra: Partial<Parameters<typeof classify>[0]> = {},
) => ({
  subject,
  description,
  channel: 'mobile-app',
  vulnerable: [],
  ...extra,
});

describe('classification rule engine', () => {
  it('classifies a Chinese complaint about an unauthorised card charge as an urgent, high-risk P1 account problem', () => {
    const result = classify(
      facts('信用卡被盗刷', '我的信用卡昨晚被盗刷了，不是我本人操作。'),
      DEFAULT_RULE_SET,
    );
    expect(result).toMatchObject({
      category: 'account-and-transaction',
      subcategory: 'unauthorised-transaction',
      urgency: 'urgent',
      risk: 'high',
      priority: 'P1',
    });
    expect(result.signals).toContain('unauthorised-transaction');
    expect(result.matchedRules).toContainEqual({ ruleId: 'sig-unauthorised', matched: '盗刷' });
  });

  it('classifies an English app outage complaint as a general system-and-technical one', () => {
    const result = classify(
      facts('App crash', 'The app crash happens every time I open statements.'),
      DEFAULT_RULE_SET,
    );
    expect(result).toMatchObject({
      category: 'system-and-technical',
      urgency: 'general',
      risk: 'low',
      priority: 'P4',
    });
  });

  it('falls back to other with low confidence when no rule fires', () => {
    const result = classify(facts('Hello', 'Nothing in particular.'), DEFAULT_RULE_SET);
    expect(result).toMatchObject({ category: 'other', confidence: 0.2, matchedRules: [] });
  });

  it('raises risk for a large amount, a vulnerable customer and a regulator referral', () => {
    const result = classify(
      facts('Fee question', 'Why was I charged this fee?', {
        amount: { value: '80000.00', currency: 'CNY' },
        vulnerable: ['elderly'],
        channel: 'regulator-referral',
      }),
      DEFAULT_RULE_SET,
    );
    expect(result.signals).toEqual(
      expect.arrayContaining(['large-amount', 'vulnerable-customer', 'regulator-referral']),
    );
    expect(result.risk).toBe('high');
    expect(result.priority).toBe('P2');
  });

  it('orders priorities by urgency and risk', () => {
    expect(priorityOf('urgent', 'high')).toBe('P1');
    expect(priorityOf('urgent', 'low')).toBe('P2');
    expect(priorityOf('general', 'high')).toBe('P2');
    expect(priorityOf('general', 'medium')).toBe('P3');
    expect(priorityOf('general', 'low')).toBe('P4');
  });

  it('classifies a 100,000-character text that matches nothing as other', () => {
    const long = 'a'.repeat(100000);
    const result = classify(facts('x', long), DEFAULT_RULE_SET);
    expect(result.category).toBe('other');
  });
});
