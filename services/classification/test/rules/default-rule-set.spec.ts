import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ComplaintFacts } from '../../src/domain/classification';
import { classify } from '../../src/domain/engine/rule-engine';
import { compileRuleSet } from '../../src/domain/rule-set/compiled-rule-set';
import { validateRuleSet } from '../../src/domain/rule-set/validate-rule-set';
import { WIRE_VOCABULARY } from '../../src/application/wire-vocabulary';
import { DEFAULT_RULE_SET_2026_11_2 } from '../../src/infrastructure/persistence/migrations/seeds/2026.11-2';
import { evaluate, LabelledComplaint } from '../../eval/evaluation';

const COMPILED = compileRuleSet(DEFAULT_RULE_SET_2026_11_2);
const LABELLED: LabelledComplaint[] = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'eval', 'labelled-complaints.json'), 'utf8'),
);

function facts(subject: string, description: string, extra: Partial<ComplaintFacts> = {}): ComplaintFacts {
  return {
    subject,
    description,
    channel: 'mobile-app',
    vulnerable: [],
    receivedAt: new Date('2026-11-20T09:00:00.000Z'),
    earlierComplaints: [],
    reopened: false,
    ...extra,
  };
}

describe('the default rule set seeded by the migration', () => {
  it('is valid against the wire contract', () => {
    expect(validateRuleSet(DEFAULT_RULE_SET_2026_11_2, WIRE_VOCABULARY)).toEqual([]);
  });

  it('rates a stolen-card complaint from an elderly customer P1, urgent and high risk', () => {
    const result = classify(
      facts('信用卡被盗刷', '我的信用卡昨天晚上被盗刷了两笔，共 12000 元，都不是我本人操作的，请立即处理。', {
        channel: 'phone',
        vulnerable: ['elderly'],
        amount: { value: '12000.00', currency: 'CNY' },
      }),
      COMPILED,
    );
    expect(result).toMatchObject({
      category: 'account-and-transaction',
      subcategory: 'unauthorised-transaction',
      urgency: 'urgent',
      risk: 'high',
      priority: 'P1',
      ruleSetVersion: '2026.11-2',
    });
    expect(result.signals).toEqual(
      expect.arrayContaining(['unauthorised-transaction', 'vulnerable-customer']),
    );
  });

  it('rates an English app crash a general system-and-technical complaint', () => {
    const result = classify(
      facts(
        'App crash when opening statements',
        'Every time I open my statements the app crash happens and I cannot log in again for an hour.',
        { channel: 'online-banking' },
      ),
      COMPILED,
    );
    expect(result).toMatchObject({ category: 'system-and-technical', urgency: 'general', priority: 'P4' });
  });

  it('treats the same complaint in traditional and simplified Chinese the same', () => {
    const pairs: [string, string][] = [
      ['我的帳戶被凍結了，無法轉帳', '我的账户被冻结了，无法转账'],
      ['櫃員態度惡劣，還罵人', '柜员态度恶劣，还骂人'],
      ['收到假冒銀行的釣魚簡訊，個人資料外洩', '收到假冒银行的钓鱼短信，个人资料外泄'],
    ];
    for (const [traditional, simplified] of pairs) {
      const a = classify(facts('', traditional), COMPILED);
      const b = classify(facts('', simplified), COMPILED);
      expect({ text: traditional, category: a.category, urgency: a.urgency, signals: a.signals }).toEqual({
        text: traditional,
        category: b.category,
        urgency: b.urgency,
        signals: b.signals,
      });
    }
  });

  it('does not treat a question about fraud prevention as a fraud', () => {
    const result = classify(facts('防诈骗', '请问怎么防范电信诈骗？有没有反诈宣传资料？'), COMPILED);
    expect(result.urgency).toBe('general');
  });
});

describe('the labelled evaluation set', () => {
  it('has at least 150 complaints in both languages and both Chinese scripts, covering every category', () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(150);
    expect(new Set(LABELLED.map((c) => c.id)).size).toBe(LABELLED.length);
    const languages = new Set(LABELLED.map((c) => c.language));
    expect([...languages].sort()).toEqual(['en', 'mixed', 'zh-Hans', 'zh-Hant']);
    const categories = DEFAULT_RULE_SET_2026_11_2.taxonomy.map((c) => c.id);
    for (const category of categories) {
      const count = LABELLED.filter((c) => c.expected.category === category).length;
      expect({ category, enough: count >= 10 }).toEqual({ category, enough: true });
    }
    expect(LABELLED.every((c) => categories.includes(c.expected.category))).toBe(true);
    expect(LABELLED.some((c) => c.split === 'holdout')).toBe(true);
  });

  it('is classified by the default rule set with at least 90% category accuracy and every urgent case found', () => {
    // These are the targets; `npm run eval:classification` prints the full figures.
    const all = evaluate(LABELLED, COMPILED);
    const holdout = evaluate(
      LABELLED.filter((c) => c.split === 'holdout'),
      COMPILED,
    );
    expect(all.correct / all.total).toBeGreaterThanOrEqual(0.9);
    expect(holdout.correct / holdout.total).toBeGreaterThanOrEqual(0.9);
    expect(all.urgent.found).toBe(all.urgent.labelled);
  });
});
