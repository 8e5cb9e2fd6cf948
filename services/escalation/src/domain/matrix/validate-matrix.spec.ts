import { MatrixContent } from './escalation-matrix';
import { validateMatrix } from './validate-matrix';

function aMatrix(): MatrixContent {
  return {
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
      { id: 'tech', order: 10, category: 'system-and-technical', team: 'technology' },
      { id: 'default', order: 1000, team: 'frontline' },
    ],
    startLevelRules: [{ id: 'high-risk', risk: 'high', level: 'L2' }],
    risk: {
      lowSatisfactionAtMost: 2,
      thresholds: [
        {
          id: 'category-complaints',
          dimension: 'category',
          key: '*',
          metric: 'complaints',
          measure: 'count',
          windowMinutes: 1440,
          threshold: 30,
          minimumSample: 1,
        },
        {
          id: 'team-low-satisfaction',
          dimension: 'team',
          key: '*',
          metric: 'low-satisfaction',
          measure: 'share',
          windowMinutes: 10080,
          threshold: 0.3,
          minimumSample: 10,
        },
      ],
    },
  };
}

describe('validating an escalation matrix', () => {
  it('accepts a complete matrix', () => {
    expect(validateMatrix(aMatrix())).toEqual([]);
  });

  it('reports every problem of a bad matrix at once, each at its field', () => {
    // Given a matrix with faults in its levels, routes, start rules and thresholds
    const bad = aMatrix();
    bad.levels = [
      bad.levels[0],
      bad.levels[2],
      bad.levels[1],
      { ...bad.levels[3], escalateWhenUnacknowledged: true },
    ];
    bad.levels[1] = { ...bad.levels[1], acknowledgeWithinMinutes: undefined, team: 'Consumer Protection' };
    bad.routingRules = [
      { id: 'tech', order: 10, category: 'system-and-technical', team: 'technology' },
      { id: 'tech', order: 10, channel: 'letter', team: 'back-office' },
    ];
    bad.startLevelRules = [
      { id: 'nothing', level: 'L2' },
      { id: 'first', risk: 'high', level: 'L1' },
    ];
    bad.risk.thresholds = [
      { ...bad.risk.thresholds[0], measure: 'share', threshold: 30 },
      { ...bad.risk.thresholds[0], id: 'again' },
      {
        ...bad.risk.thresholds[1],
        id: 'fractional-count',
        metric: 'breaches',
        measure: 'count',
        threshold: 2.5,
      },
    ];

    // When it is validated
    const fields = validateMatrix(bad).map((p) => p.field);

    // Then every fault is listed
    expect(fields).toEqual(
      expect.arrayContaining([
        'levels',
        'levels.1.team',
        'levels.1.acknowledgeWithinMinutes',
        'levels.3.escalateWhenUnacknowledged',
        'routingRules.1.id',
        'routingRules.1.order',
        'routingRules',
        'startLevelRules.0',
        'startLevelRules.1.level',
        'risk.thresholds.0.measure',
        'risk.thresholds.0.threshold',
        'risk.thresholds.1.windowMinutes',
        'risk.thresholds.2.threshold',
      ]),
    );
  });

  it('needs a catch-all route, so every complaint has an owner', () => {
    const matrix = aMatrix();
    matrix.routingRules = matrix.routingRules.filter((r) => r.id !== 'default');
    expect(validateMatrix(matrix)).toEqual([
      { field: 'routingRules', message: expect.stringContaining('catch-all') },
    ]);
  });

  it('lets the lowest level go without an acknowledgement window, but no level that receives escalations', () => {
    const matrix = aMatrix();
    expect(validateMatrix(matrix)).toEqual([]);
    matrix.levels[3] = { ...matrix.levels[3], acknowledgeWithinMinutes: undefined };
    expect(validateMatrix(matrix).map((p) => p.field)).toEqual(['levels.3.acknowledgeWithinMinutes']);
  });
});
