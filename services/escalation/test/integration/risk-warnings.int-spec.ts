import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { deliver, eventually } from '@complaints/testing';
import {
  breached,
  classified,
  eventuallyOutbox,
  http,
  lifecycle,
  outboxEvents,
  useEscalationHarness,
} from '../escalation-under-test';

function firstOrder(rules: { order: number }[]): number {
  return Math.min(...rules.map((r) => r.order)) - 1;
}

describe('risk warnings: a burst crossing its threshold raises one warning per window (real broker and database)', () => {
  const harness = useEscalationHarness('escalation_risk');
  const api = http(harness);

  /**
   * A matrix that routes one product to a team of its own and watches that team: three breaches in an hour, and a
   * 50 % low-satisfaction share judged from four scores. A team no other test uses keeps the counts this test's.
   */
  async function watchTeam(): Promise<{ product: string; team: string }> {
    const suffix = randomUUID().slice(0, 8);
    const product = `Burst product ${suffix}`;
    const team = `burst-team-${suffix}`;
    const current = (await api.get('/v1/escalation-matrix')).body;
    const res = await api.put('/v1/escalation-matrix', {
      basedOnVersion: current.version,
      levels: current.levels,
      // Tried first: an order below every other rule's.
      routingRules: [
        { id: `route-${suffix}`, order: firstOrder(current.routingRules), product, team },
        ...current.routingRules,
      ],
      startLevelRules: current.startLevelRules,
      risk: {
        lowSatisfactionAtMost: 2,
        thresholds: [
          ...current.risk.thresholds,
          {
            id: `breaches-${suffix}`,
            dimension: 'team',
            key: team,
            metric: 'breaches',
            measure: 'count',
            windowMinutes: 60,
            threshold: 3,
            minimumSample: 1,
          },
          {
            id: `low-satisfaction-${suffix}`,
            dimension: 'team',
            key: team,
            metric: 'low-satisfaction',
            measure: 'share',
            windowMinutes: 1440,
            threshold: 0.5,
            minimumSample: 4,
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    return { product, team };
  }

  it('raises one warning for a burst of breaches of one team, however many follow in the window', async () => {
    // Given a watched team with six classified complaints
    const { product, team } = await watchTeam();
    const complaints = Array.from({ length: 6 }, () => randomUUID());
    for (const id of complaints)
      await deliver(harness.probe, classified(id, { product, category: 'product-problem' }));

    // When each breaches within the same hour
    for (const id of complaints) await deliver(harness.probe, breached(id));
    for (const id of complaints) await eventuallyOutbox(harness, id, 'complaint.escalated', 1);

    // Then exactly one risk warning was raised for the team, when the third breach reached the threshold
    const subject = `risk:team:${team}`;
    const [warning] = await eventuallyOutbox(harness, subject, 'risk.warning-raised', 1);
    expect(warning.data).toMatchObject({
      dimension: 'team',
      key: team,
      metric: 'breaches',
      measure: 'count',
      observed: 3,
      threshold: 3,
      sampleSize: 3,
      windowStart: '2026-12-04T08:00:00.000Z',
      windowEnd: '2026-12-04T09:00:00.000Z',
    });
    await eventually(() =>
      expect(harness.probe.records.filter((r) => r.key === subject)).toEqual([
        expect.objectContaining({ topic: 'complaints.escalation.routing' }),
      ]),
    );

    // And the window kept counting: all six breaches are in it
    const [counter] = await harness.service.app
      .get(DataSource)
      .query(`SELECT hits FROM risk_counter WHERE dimension = 'team' AND key = $1 AND metric = 'breaches'`, [
        team,
      ]);
    expect(counter.hits).toBe(6);

    // And the API lists it
    const listed = await api.get(`/v1/risk-warnings?dimension=team&key=${team}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ metric: 'breaches', observed: 3 })]);
  });

  it('judges a low-satisfaction share only once enough scores are in', async () => {
    // Given a watched team with four resolved complaints
    const { product, team } = await watchTeam();
    const complaints = Array.from({ length: 4 }, () => randomUUID());
    for (const id of complaints) await deliver(harness.probe, classified(id, { product }));

    // When the first two scores are low (a share of 1, but only two samples) and then two are good
    const scores = [1, 2, 5, 4];
    for (const [i, id] of complaints.entries()) {
      await deliver(
        harness.probe,
        lifecycle('complaint.feedback-received', id, { version: 6, satisfaction: scores[i] }),
      );
    }

    // Then the warning came with the fourth score: two low of four reaches the 50 % threshold
    const subject = `risk:team:${team}`;
    const [warning] = await eventuallyOutbox(harness, subject, 'risk.warning-raised', 1);
    expect(warning.data).toMatchObject({
      metric: 'low-satisfaction',
      measure: 'share',
      observed: 0.5,
      sampleSize: 4,
    });
    expect(await outboxEvents(harness, subject)).toHaveLength(1);
  });

  it('rejects a bad risk-warning query with every field error, and needs a read scope', async () => {
    const bad = await api.get('/v1/risk-warnings?dimension=branch&metric=anger&from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'dimension',
      'from',
      'metric',
    ]);
    expect((await api.get('/v1/risk-warnings', ['lifecycle:write'])).status).toBe(403);
    expect((await api.get('/v1/risk-warnings', ['complaints:read'])).status).toBe(200);
  });
});
