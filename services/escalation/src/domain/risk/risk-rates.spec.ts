import { RiskThreshold } from '../matrix/escalation-matrix';
import { measure, reached, thresholdsFor, windowOf } from './risk-rates';

const threshold = (overrides: Partial<RiskThreshold> = {}): RiskThreshold => ({
  id: 't',
  dimension: 'team',
  key: '*',
  metric: 'breaches',
  measure: 'count',
  windowMinutes: 60,
  threshold: 3,
  minimumSample: 1,
  ...overrides,
});

describe('risk-warning rates', () => {
  it('places a time in a fixed window aligned to the UTC epoch', () => {
    // Given hourly and daily windows
    // Then 09:59:59.999 belongs to the 09:00 hour and to the UTC day
    expect(windowOf(new Date('2026-11-20T09:59:59.999Z'), 60)).toEqual({
      start: new Date('2026-11-20T09:00:00.000Z'),
      end: new Date('2026-11-20T10:00:00.000Z'),
    });
    expect(windowOf(new Date('2026-11-20T23:30:00.000Z'), 1440)).toEqual({
      start: new Date('2026-11-20T00:00:00.000Z'),
      end: new Date('2026-11-21T00:00:00.000Z'),
    });
    // And the window boundary belongs to the next window
    expect(windowOf(new Date('2026-11-20T10:00:00.000Z'), 60).start).toEqual(
      new Date('2026-11-20T10:00:00.000Z'),
    );
  });

  it("uses a key's own thresholds when it has any, and the thresholds for every key otherwise", () => {
    const thresholds = [
      threshold({ id: 'any-team' }),
      threshold({ id: 'risk-control', key: 'risk-control', threshold: 10 }),
      threshold({ id: 'any-category', dimension: 'category' }),
      threshold({ id: 'team-complaints', metric: 'complaints' }),
    ];
    expect(thresholdsFor(thresholds, 'team', 'risk-control', 'breaches').map((t) => t.id)).toEqual([
      'risk-control',
    ]);
    expect(thresholdsFor(thresholds, 'team', 'technology', 'breaches').map((t) => t.id)).toEqual([
      'any-team',
    ]);
    expect(thresholdsFor(thresholds, 'channel', 'letter', 'breaches')).toEqual([]);
  });

  it('reaches a count threshold at the threshold itself', () => {
    expect(reached(threshold(), { hits: 2, samples: 2 })).toBe(false);
    expect(reached(threshold(), { hits: 3, samples: 3 })).toBe(true);
  });

  it('judges a share only once the window has the minimum sample', () => {
    // Given a 30 % low-satisfaction share judged from 10 scores
    const share = threshold({
      metric: 'low-satisfaction',
      measure: 'share',
      threshold: 0.3,
      minimumSample: 10,
    });
    // Then 3 low of 5 is not judged yet, 3 of 10 reaches it, 2 of 10 does not
    expect(measure(share, { hits: 3, samples: 5 })).toBeNull();
    expect(reached(share, { hits: 3, samples: 5 })).toBe(false);
    expect(reached(share, { hits: 3, samples: 10 })).toBe(true);
    expect(measure(share, { hits: 2, samples: 10 })).toBeCloseTo(0.2);
    expect(reached(share, { hits: 2, samples: 10 })).toBe(false);
  });
});
