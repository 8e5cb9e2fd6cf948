import { randomUUID } from 'node:crypto';
import { deliver } from '@complaints/testing';
import { classified, eventuallyOutbox, http, useEscalationHarness } from '../escalation-under-test';

describe('the escalation matrix as versioned data (GET/PUT /v1/escalation-matrix)', () => {
  const harness = useEscalationHarness('escalation_matrix');
  const api = http(harness);

  it('serves the seeded matrix: four levels, the migrated routing rules, start levels and risk thresholds', async () => {
    const res = await api.get('/v1/escalation-matrix', ['complaints:read']);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.levels.map((l: { level: string }) => l.level)).toEqual(['L1', 'L2', 'L3', 'L4']);
    expect(res.body.routingRules).toEqual(
      expect.arrayContaining([
        { id: 'technical-to-technology', order: 50, category: 'system-and-technical', team: 'technology' },
        { id: 'default-frontline', order: 1000, team: 'frontline' },
      ]),
    );
    expect(res.body.startLevelRules).toEqual(
      expect.arrayContaining([
        { id: 'regulator-referral-channel', channel: 'regulator-referral', level: 'L3' },
      ]),
    );
    expect(res.body.risk.thresholds.length).toBeGreaterThan(0);
  });

  it('refuses a malformed matrix whole, with every field error', async () => {
    const current = (await api.get('/v1/escalation-matrix')).body;
    const res = await api.put('/v1/escalation-matrix', {
      levels: [{ ...current.levels[0], level: 'L0' }, ...current.levels.slice(1)],
      routingRules: [{ id: 'Bad Id', order: -1, category: 'weather', team: 'frontline' }],
      startLevelRules: [],
      risk: { lowSatisfactionAtMost: 9, thresholds: [] },
      colour: 'blue',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'colour',
      'levels.0.level',
      'risk.lowSatisfactionAtMost',
      'routingRules.0.category',
      'routingRules.0.id',
      'routingRules.0.order',
    ]);
    expect((await api.get('/v1/escalation-matrix')).body.version).toBe(current.version);
  });

  it('refuses a well-formed matrix that breaks its rules, with every problem', async () => {
    const current = (await api.get('/v1/escalation-matrix')).body;
    const res = await api.put('/v1/escalation-matrix', {
      ...current,
      version: undefined,
      basedOn: undefined,
      createdBy: undefined,
      createdAt: undefined,
      levels: [...current.levels].reverse(),
      routingRules: [
        { id: 'only-technology', order: 1, category: 'system-and-technical', team: 'technology' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['levels', 'routingRules']),
    );
  });

  it('replaces the matrix as a new version that routes the next complaints, and refuses a stale replacement', async () => {
    // Given the matrix in force
    const current = (await api.get('/v1/escalation-matrix')).body;
    const replacement = {
      basedOnVersion: current.version,
      levels: current.levels,
      routingRules: [
        { id: 'letters-to-back-office', order: 5, channel: 'letter', team: 'back-office' },
        ...current.routingRules,
      ],
      startLevelRules: current.startLevelRules,
      risk: current.risk,
    };

    // When an administrator replaces it
    const res = await api.put('/v1/escalation-matrix', replacement);

    // Then it is the next version, by that administrator
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: current.version + 1,
      basedOn: current.version,
      createdBy: 'ops-console/admin-1',
    });

    // And a letter is routed by it
    const complaintId = randomUUID();
    await deliver(harness.probe, classified(complaintId, { channel: 'letter', category: 'other' }));
    const [assigned] = await eventuallyOutbox(harness, complaintId, 'complaint.assigned', 1);
    expect(assigned.data).toMatchObject({
      team: 'back-office',
      routingRuleId: 'letters-to-back-office',
      matrixVersion: String(current.version + 1),
    });

    // And a replacement based on the old version is a conflict; the old version stays readable
    const stale = await api.put('/v1/escalation-matrix', replacement);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: current.version + 1 });
    expect((await api.get(`/v1/escalation-matrix?version=${current.version}`)).body.routingRules).toEqual(
      current.routingRules,
    );
    expect((await api.get('/v1/escalation-matrix?version=999')).status).toBe(404);
  });

  it('lets only administrators replace the matrix', async () => {
    const current = (await api.get('/v1/escalation-matrix')).body;
    const body = {
      levels: current.levels,
      routingRules: current.routingRules,
      startLevelRules: [],
      risk: current.risk,
    };
    expect((await api.put('/v1/escalation-matrix', body, ['ops:read'])).status).toBe(403);
    expect((await api.put('/v1/escalation-matrix', body, ['lifecycle:write'])).status).toBe(403);
  });
});
