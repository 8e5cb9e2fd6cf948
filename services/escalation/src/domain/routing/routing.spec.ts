import { EscalationMatrix } from '../matrix/escalation-matrix';
import { route, RoutingFacts } from './routing';

const matrix: Pick<EscalationMatrix, 'levels' | 'routingRules' | 'startLevelRules'> = {
  levels: [
    { level: 'L1', name: 'Frontline team', escalateWhenUnacknowledged: false },
    { level: 'L2', name: 'Team lead', acknowledgeWithinMinutes: 60, escalateWhenUnacknowledged: true },
    {
      level: 'L3',
      name: 'Complaint management',
      team: 'consumer-protection',
      acknowledgeWithinMinutes: 120,
      escalateWhenUnacknowledged: true,
    },
    {
      level: 'L4',
      name: 'Senior management and compliance',
      team: 'senior-management',
      acknowledgeWithinMinutes: 240,
      escalateWhenUnacknowledged: false,
    },
  ],
  routingRules: [
    { id: 'default-frontline', order: 1000, team: 'frontline' },
    { id: 'fraud-to-risk-control', order: 10, signal: 'unauthorised-transaction', team: 'risk-control' },
    { id: 'large-amount-to-risk-control', order: 20, signal: 'large-amount', team: 'risk-control' },
    { id: 'tech-to-technology', order: 30, category: 'system-and-technical', team: 'technology' },
    {
      id: 'wealth-in-east',
      order: 40,
      category: 'product-problem',
      subcategory: 'wealth-management',
      product: 'Wealth Fund A',
      region: 'east',
      team: 'wealth-east',
    },
    { id: 'letters-to-back-office', order: 50, channel: 'letter', urgency: 'general', team: 'back-office' },
  ],
  startLevelRules: [
    { id: 'high-risk', risk: 'high', level: 'L2' },
    { id: 'media', signal: 'media-mentioned', level: 'L2' },
    { id: 'further-complaint', signal: 'further-complaint-threatened', level: 'L2' },
    { id: 'repeat', signal: 'repeat-complainant', level: 'L2' },
    { id: 'vulnerable', vulnerable: true, level: 'L2' },
    { id: 'regulator-referral', channel: 'regulator-referral', level: 'L3' },
  ],
};

function facts(overrides: Partial<RoutingFacts> = {}): RoutingFacts {
  return {
    category: 'other',
    channel: 'mobile-app',
    risk: 'low',
    urgency: 'general',
    signals: [],
    vulnerable: [],
    ...overrides,
  };
}

describe('routing a complaint through the escalation matrix', () => {
  it('sends an unauthorised high-risk transaction to risk control, starting at L2', () => {
    // Given a high-risk complaint with an unauthorised transaction
    // When it is routed
    const decision = route(facts({ risk: 'high', signals: ['unauthorised-transaction'] }), matrix);
    // Then risk control owns it from L2, and the reason names both rules
    expect(decision).toMatchObject({
      team: 'risk-control',
      routedTeam: 'risk-control',
      level: 'L2',
      ruleId: 'fraud-to-risk-control',
      startLevelRuleIds: ['high-risk'],
    });
    expect(decision.reason).toContain('fraud-to-risk-control');
    expect(decision.reason).toContain('high-risk');
  });

  it('sends a large transfer to risk control even when nothing else is special', () => {
    // Given a low-risk complaint carrying the large-amount signal
    const decision = route(facts({ signals: ['large-amount'] }), matrix);
    // Then risk control owns it at L1
    expect(decision).toMatchObject({
      team: 'risk-control',
      level: 'L1',
      ruleId: 'large-amount-to-risk-control',
    });
  });

  it('takes the first matching rule by order, not by position in the list', () => {
    // Given a technical complaint that also carries an unauthorised transaction (order 10 beats order 30)
    const decision = route(
      facts({ category: 'system-and-technical', signals: ['unauthorised-transaction'] }),
      matrix,
    );
    // Then the lower order wins
    expect(decision.ruleId).toBe('fraud-to-risk-control');
  });

  it('sends a technical fault to the technology team at L1', () => {
    const decision = route(facts({ category: 'system-and-technical' }), matrix);
    expect(decision).toMatchObject({ team: 'technology', level: 'L1', startLevelRuleIds: [] });
  });

  it('matches subcategory, product (ignoring case and spaces) and region together', () => {
    // Given a wealth-management complaint about the fund, from the east region
    const matching = facts({
      category: 'product-problem',
      subcategory: 'wealth-management',
      product: '  wealth fund a ',
      region: 'east',
    });
    // Then the specific rule applies; without the region (not known) it does not
    expect(route(matching, matrix).team).toBe('wealth-east');
    expect(route({ ...matching, region: undefined }, matrix).team).toBe('frontline');
    expect(route({ ...matching, product: 'Another fund' }, matrix).team).toBe('frontline');
  });

  it('matches channel and urgency', () => {
    expect(route(facts({ channel: 'letter' }), matrix).team).toBe('back-office');
    expect(route(facts({ channel: 'letter', urgency: 'urgent' }), matrix).team).toBe('frontline');
  });

  it('starts a vulnerable customer, a media threat, a further-complaint threat and a repeat complainant at L2', () => {
    for (const raised of [
      facts({ vulnerable: ['elderly'] }),
      facts({ signals: ['media-mentioned'] }),
      facts({ signals: ['further-complaint-threatened'] }),
      facts({ signals: ['repeat-complainant'] }),
    ]) {
      expect(route(raised, matrix).level).toBe('L2');
    }
  });

  it('starts a regulator referral at L3, owned by the consumer-protection department', () => {
    // Given a high-risk complaint referred by the regulator (two start rules hold: L2 and L3)
    const decision = route(facts({ channel: 'regulator-referral', risk: 'high' }), matrix);
    // Then the highest level wins, and that level's own team owns it
    expect(decision).toMatchObject({
      level: 'L3',
      team: 'consumer-protection',
      routedTeam: 'frontline',
      startLevelRuleIds: ['high-risk', 'regulator-referral'],
    });
  });

  it('falls back to the catch-all rule', () => {
    expect(route(facts(), matrix)).toMatchObject({
      team: 'frontline',
      ruleId: 'default-frontline',
      level: 'L1',
    });
  });

  it('fails loudly when the matrix has no catch-all', () => {
    const withoutCatchAll = {
      ...matrix,
      routingRules: matrix.routingRules.filter((r) => r.id !== 'default-frontline'),
    };
    expect(() => route(facts(), withoutCatchAll)).toThrow('catch-all');
  });
});
