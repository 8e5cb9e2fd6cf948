import { Classification } from './classification';
import { applyOverride, assessmentChanged, overrideProblems, reassess } from './override';
import { CategoryDefinition, PriorityMatrix } from './rule-set/rule-set';

const PRIORITY: PriorityMatrix = {
  urgent: { high: 'P1', medium: 'P2', low: 'P2' },
  general: { high: 'P2', medium: 'P3', low: 'P4' },
};
const TAXONOMY: CategoryDefinition[] = [
  {
    id: 'account-and-transaction',
    name: { zh: '账户', en: 'Account' },
    subcategories: [{ id: 'unauthorised-transaction', name: { zh: '盗刷', en: 'Unauthorised' } }],
  },
  {
    id: 'product-problem',
    name: { zh: '产品', en: 'Product' },
    subcategories: [{ id: 'fees', name: { zh: '费用', en: 'Fees' } }],
  },
];
const ENGINE: Classification = {
  category: 'product-problem',
  subcategory: 'fees',
  urgency: 'general',
  risk: 'low',
  priority: 'P4',
  confidence: 0.6,
  ruleSetVersion: 'v1',
  matchedRules: [{ ruleId: 'product.fees', matched: 'fee' }],
  signals: [],
};

describe("an agent's override", () => {
  it('changes what the agent says, recomputes the priority, and pins it', () => {
    // When an agent says it is an urgent unauthorised transaction
    const { result, pinned } = applyOverride(
      ENGINE,
      {},
      { category: 'account-and-transaction', subcategory: 'unauthorised-transaction', urgency: 'urgent' },
      PRIORITY,
    );

    // Then the classification follows, with certainty and the priority of the new levels
    expect(result).toMatchObject({
      category: 'account-and-transaction',
      subcategory: 'unauthorised-transaction',
      urgency: 'urgent',
      risk: 'low',
      priority: 'P2',
      confidence: 1,
      matchedRules: ENGINE.matchedRules,
    });
    expect(pinned).toEqual({
      category: 'account-and-transaction',
      subcategory: 'unauthorised-transaction',
      urgency: 'urgent',
    });
  });

  it('drops the subcategory when the category changes without a new one', () => {
    const { result } = applyOverride(ENGINE, {}, { category: 'account-and-transaction' }, PRIORITY);
    expect(result.subcategory).toBeUndefined();
  });

  it('is refused for a category or subcategory the taxonomy in force does not have, or for no change at all', () => {
    expect(overrideProblems({ category: 'other' }, ENGINE, TAXONOMY)).toEqual([
      { path: 'category', message: 'unknown category other' },
    ]);
    expect(overrideProblems({ subcategory: 'unauthorised-transaction' }, ENGINE, TAXONOMY)).toEqual([
      { path: 'subcategory', message: 'unknown subcategory unauthorised-transaction of product-problem' },
    ]);
    expect(overrideProblems({}, ENGINE, TAXONOMY)).toHaveLength(1);
  });

  it('stands when the complaint is assessed again: the category stays, levels never drop below it', () => {
    // Given an agent pinned the category and high risk
    const pinned = {
      category: 'account-and-transaction',
      subcategory: 'unauthorised-transaction',
      risk: 'high' as const,
    };

    // When the rules, run again on reopen, say a general fee complaint that is now medium risk and urgent
    const result = reassess({ ...ENGINE, urgency: 'urgent', risk: 'medium' }, pinned, PRIORITY);

    // Then the agent's category and risk hold, and the rules' urgency is kept
    expect(result).toMatchObject({
      category: 'account-and-transaction',
      subcategory: 'unauthorised-transaction',
      urgency: 'urgent',
      risk: 'high',
      priority: 'P1',
      confidence: 1,
    });
  });

  it('takes the rules as they are when nothing is pinned', () => {
    expect(reassess(ENGINE, {}, PRIORITY)).toEqual(ENGINE);
  });

  it('tells a change of category, subcategory or level from no change', () => {
    expect(assessmentChanged(ENGINE, { ...ENGINE })).toBe(false);
    expect(assessmentChanged(ENGINE, { ...ENGINE, subcategory: undefined })).toBe(true);
    expect(assessmentChanged(ENGINE, { ...ENGINE, risk: 'medium', priority: 'P3' })).toBe(true);
  });
});
