import { route, RoutingRule } from './routing';

const rules: RoutingRule[] = [
  { id: 'fraud-to-risk-control', order: 10, signal: 'unauthorised-transaction', team: 'risk-control' },
  { id: 'tech-to-technology', order: 20, category: 'system-and-technical', team: 'technology' },
  { id: 'default-frontline', order: 1000, team: 'frontline' },
];

describe('escalation routing', () => {
  it('sends an unauthorised transaction to risk control, starting at L2 because it is high risk', () => {
    const result = route(
      {
        category: 'account-and-transaction',
        urgency: 'urgent',
        risk: 'high',
        signals: ['unauthorised-transaction'],
      },
      rules,
    );
    expect(result).toMatchObject({ team: 'risk-control', level: 'L2', ruleId: 'fraud-to-risk-control' });
  });

  it('sends a technical fault to the technology team at L1', () => {
    const result = route(
      { category: 'system-and-technical', urgency: 'general', risk: 'low', signals: [] },
      rules,
    );
    expect(result).toMatchObject({ team: 'technology', level: 'L1' });
  });

  it('falls back to the catch-all rule', () => {
    expect(route({ category: 'other', urgency: 'general', risk: 'low', signals: [] }, rules).team).toBe(
      'frontline',
    );
  });

  it('fails loudly when the matrix has no catch-all', () => {
    expect(() =>
      route({ category: 'other', urgency: 'general', risk: 'low', signals: [] }, rules.slice(0, 2)),
    ).toThrow('catch-all');
  });
});
