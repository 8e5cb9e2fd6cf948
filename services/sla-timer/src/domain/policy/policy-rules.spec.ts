import { policyProblems } from './policy-rules';
import { selectPolicy, SlaPolicy } from './sla-policy';

const policy = (id: string, match: SlaPolicy['match'] = {}, extra: Partial<SlaPolicy> = {}): SlaPolicy => ({
  id,
  match,
  calendarId: 'cn',
  warningFractions: [0.5, 0.8],
  targets: [
    {
      kind: 'first-response',
      amount: 15,
      unit: 'minutes',
      basis: '24x7',
      pauseWhileAwaitingCustomer: false,
      restartOnReopen: false,
    },
  ],
  ...extra,
});
const calendarExists = (id: string) => id === 'cn';

describe('policy selection', () => {
  const policies = [
    policy('p1-phone', { priorities: ['P1'], channels: ['phone'] }),
    policy('urgent', { urgencies: ['urgent'] }),
    policy('default'),
  ];
  const profile = { priority: 'P1', urgency: 'urgent', category: 'other', channel: 'mobile-app' };

  it('takes the first policy whose every criterion fits', () => {
    // Given a P1 urgent complaint from the app, Then the phone-only policy is passed over for the urgent one
    expect(selectPolicy(policies, profile)?.id).toBe('urgent');
    expect(selectPolicy(policies, { ...profile, channel: 'phone' })?.id).toBe('p1-phone');
    expect(selectPolicy(policies, { ...profile, urgency: 'general', priority: 'P3' })?.id).toBe('default');
  });
});

describe('policy rules', () => {
  it('accepts ordered policies ending with a catch-all', () => {
    expect(
      policyProblems([policy('urgent', { urgencies: ['urgent'] }), policy('default')], calendarExists),
    ).toEqual([]);
  });

  it('reports every problem at once, each at its field', () => {
    // Given duplicate ids, an unknown calendar, bad warnings, two targets of one kind and no catch-all
    const bad = policy(
      'x',
      { urgencies: ['urgent'] },
      {
        calendarId: 'mars',
        warningFractions: [0.8, 0.5],
        targets: [...policy('x').targets, ...policy('x').targets],
      },
    );
    // Then each is named
    expect(
      policyProblems([policy('x', { urgencies: ['general'] }), bad], calendarExists).map((p) => p.field),
    ).toEqual([
      'policies[1].id',
      'policies[1].calendarId',
      'policies[1].warningFractions',
      'policies[1].targets[1].kind',
      'policies',
    ]);
  });

  it('refuses a target longer than a year', () => {
    // Given a resolution target of 9,000 hours (more than 366 days)
    const long = policy(
      'd',
      {},
      {
        targets: [
          {
            kind: 'resolution',
            amount: 9000,
            unit: 'hours',
            basis: 'business',
            pauseWhileAwaitingCustomer: true,
            restartOnReopen: true,
          },
        ],
      },
    );
    // Then it is named at its amount
    expect(policyProblems([long], calendarExists)).toEqual([
      { field: 'policies[0].targets[0].amount', message: 'a target may not be longer than 366 days' },
    ]);
  });

  it('refuses warnings at 0 or 1', () => {
    expect(policyProblems([policy('d', {}, { warningFractions: [0, 0.5] })], calendarExists)).toHaveLength(1);
    expect(policyProblems([policy('d', {}, { warningFractions: [0.5, 1] })], calendarExists)).toHaveLength(1);
  });
});
