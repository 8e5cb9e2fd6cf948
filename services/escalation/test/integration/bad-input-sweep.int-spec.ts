import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CATEGORIES, CHANNELS, ESCALATION_LEVELS } from '@complaints/contracts';
import {
  bearer,
  deliver,
  hostileBody,
  hostilePathSegment,
  hostileQueryString,
  HostileRequest,
  sweep,
  unauthorisedCallers,
} from '@complaints/testing';
import { MatrixContent, RISK_DIMENSIONS, RISK_METRICS } from '../../src/domain/matrix/escalation-matrix';
import { validateMatrix } from '../../src/domain/matrix/validate-matrix';
import { breached, classified, eventuallyOutbox, useEscalationHarness } from '../escalation-under-test';

/** Cursors in the lists' own format (base64url of [time, id]) that point nowhere or at times Postgres cannot hold. */
const FORGED_CURSORS = [
  cursorOf('2026-11-20T01:00:00.000Z', randomUUID()),
  cursorOf('-271821-04-20T00:00:00.000Z', randomUUID()),
  cursorOf('+275760-09-13T00:00:00.000Z', randomUUID()),
];

describe('escalation answers hostile input on every route with a 4xx problem, and stores none of it', () => {
  const harness = useEscalationHarness('escalation_bad_input');
  const server = () => harness.service.app.getHttpServer();
  const data = () => harness.service.app.get(DataSource);
  const complaintIds: string[] = [];
  const escalationIds: string[] = [];
  let seeded: MatrixContent;

  beforeAll(async () => {
    // Assigned complaints whose first-response clock breached: open escalations to acknowledge and read
    for (let i = 0; i < 4; i++) {
      const complaintId = randomUUID();
      await deliver(harness.probe, classified(complaintId));
      await eventuallyOutbox(harness, complaintId, 'complaint.assigned', 1);
      await deliver(harness.probe, breached(complaintId));
      const [escalated] = await eventuallyOutbox(harness, complaintId, 'complaint.escalated', 1);
      complaintIds.push(complaintId);
      escalationIds.push(String(escalated.data['escalationId']));
    }
    const res = await request(server())
      .get('/v1/escalation-matrix')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    const { levels, routingRules, startLevelRules, risk } = res.body as MatrixContent;
    seeded = { levels, routingRules, startLevelRules, risk };
  });

  /** Rows the routes write: matrix versions, and for the sweep's complaints their escalations, audit and events. */
  const counts = async () =>
    (
      await data().query(
        `SELECT
          (SELECT count(*)::int FROM escalation_matrix) AS versions,
          (SELECT count(*)::int FROM escalation WHERE complaint_id = ANY($1::uuid[])) AS escalations,
          (SELECT count(*)::int FROM escalation WHERE complaint_id = ANY($1::uuid[]) AND state = 'open') AS open,
          (SELECT count(*)::int FROM escalation_audit WHERE complaint_id = ANY($1::uuid[])) AS audit,
          (SELECT count(*)::int FROM outbox WHERE aggregateid = ANY($1::text[])) AS events`,
        [complaintIds],
      )
    )[0] as Record<'versions' | 'escalations' | 'open' | 'audit' | 'events', number>;
  const anEscalationId = () =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...escalationIds), weight: 3 },
      { arbitrary: fc.uuid(), weight: 1 },
      { arbitrary: hostilePathSegment(), weight: 2 },
    );

  // The write goes first: whatever it accepts, every read after it must still answer without a 5xx.
  it('refuses broken matrices whole: only accepted PUTs add versions, and every stored version is valid', async () => {
    const before = await counts();
    const admin = await bearer(['admin'], 'ops-console', 'admin-1');
    const statuses = await sweep(
      server(),
      hostileBody(seeded).map((body): HostileRequest => ({
        method: 'PUT',
        path: '/v1/escalation-matrix',
        authorization: admin,
        body,
      })),
      {
        numRuns: 120,
        // Found by this sweep: a missing required section passed the shape checks, then failed as a 500
        examples: [
          { ...seeded, risk: undefined },
          { ...seeded, levels: [[], ...seeded.levels] },
        ].map((value): HostileRequest => ({
          method: 'PUT',
          path: '/v1/escalation-matrix',
          authorization: admin,
          body: { kind: 'json', value },
        })),
      },
    );
    const accepted = statuses.filter((s) => s === 200).length;
    expect(await counts()).toEqual({ ...before, versions: before.versions + accepted });
    expect(accepted).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(30);
    const stored: { version: number; document: MatrixContent }[] = await data().query(
      'SELECT version, document FROM escalation_matrix ORDER BY version',
    );
    for (const { version, document } of stored) {
      expect({ version, problems: validateMatrix(document) }).toEqual({ version, problems: [] });
    }
  });

  it('refuses broken acknowledgements and ids: only accepted ones are audited and announced, once each', async () => {
    const before = await counts();
    const agent = await bearer(['lifecycle:write'], 'agent-desktop', 'staff-10388');
    const statuses = await sweep(
      server(),
      fc
        .record({ id: anEscalationId(), body: hostileBody({ note: 'calling the customer back' }) })
        .map(({ id, body }): HostileRequest => ({
          method: 'POST',
          path: `/v1/escalations/${id}/acknowledge`,
          authorization: agent,
          body,
        })),
      { numRuns: 120 },
    );
    const accepted = statuses.filter((s) => s === 200).length;
    expect(await counts()).toEqual({
      ...before,
      open: before.open - accepted,
      audit: before.audit + accepted,
      events: before.events + accepted,
    });
    expect(accepted).toBeGreaterThan(0);
    expect(statuses).toContain(400);
    expect(statuses).toContain(409);
  });

  it('answers random ids on GET /v1/escalations/{id} with 200, 400 or 404', async () => {
    const reader = await bearer(['ops:read']);
    const statuses = await sweep(
      server(),
      fc
        .record({ id: anEscalationId(), query: hostileQueryString({ state: ['open'] }) })
        .map(({ id, query }): HostileRequest => ({
          method: 'GET',
          path: `/v1/escalations/${id}?${query}`,
          authorization: reader,
        })),
      { numRuns: 80 },
    );
    expect(statuses).toContain(200);
    expect(statuses.some((s) => s === 400 || s === 404)).toBe(true);
  });

  it('answers random filters, cursors and limits on every list with 200 or a listed 400', async () => {
    const reader = await bearer(['complaints:read']);
    const common = { level: ESCALATION_LEVELS, limit: ['1', '200'], complaintId: complaintIds };
    const lists = fc.oneof(
      hostileQueryString({
        ...common,
        team: ['technology', 'frontline'],
        state: ['open', 'acknowledged', 'superseded', 'closed'],
        cursor: FORGED_CURSORS,
      }).map((query) => `/v1/escalations?${query}`),
      hostileQueryString({ ...common, team: ['technology'] }).map((query) => `/v1/assignments?${query}`),
      hostileQueryString({
        dimension: RISK_DIMENSIONS,
        key: [...CATEGORIES, ...CHANNELS, '*'],
        metric: RISK_METRICS,
        from: ['2026-01-01T00:00:00Z', '-271821-04-20T00:00:00Z'],
        to: ['2027-01-01', '+275760-09-13T00:00:00Z'],
        limit: ['1', '200'],
        cursor: FORGED_CURSORS,
      }).map((query) => `/v1/risk-warnings?${query}`),
      hostileQueryString({ version: ['1', '2', '2147483648', '99999999999'] }).map(
        (query) => `/v1/escalation-matrix?${query}`,
      ),
    );
    const statuses = await sweep(
      server(),
      lists.map((path): HostileRequest => ({ method: 'GET', path, authorization: reader })),
      {
        numRuns: 200,
        // Found by this sweep: a version past a Postgres integer, and times past its years, failed as a 500
        examples: [
          '/v1/escalation-matrix?version=2147483648',
          '/v1/risk-warnings?from=-271821-04-20T00%3A00%3A00Z',
          `/v1/risk-warnings?cursor=${FORGED_CURSORS[1]}`,
          `/v1/escalations?cursor=${FORGED_CURSORS[1]}`,
        ].map((path): HostileRequest => ({ method: 'GET', path, authorization: reader })),
      },
    );
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
  });

  it('refuses callers without a token, with a bad one or without the scope', async () => {
    const wrongScope = await bearer(['complaints:write']);
    const routes: { method: 'GET' | 'POST' | 'PUT'; path: string }[] = [
      { method: 'PUT', path: '/v1/escalation-matrix' },
      { method: 'GET', path: '/v1/escalation-matrix' },
      { method: 'GET', path: '/v1/escalations' },
      { method: 'GET', path: `/v1/escalations/${randomUUID()}` },
      { method: 'POST', path: `/v1/escalations/${randomUUID()}/acknowledge` },
      { method: 'GET', path: '/v1/assignments' },
      { method: 'GET', path: '/v1/risk-warnings' },
    ];
    const statuses = await sweep(
      server(),
      unauthorisedCallers(routes, wrongScope, (route) =>
        route.method === 'GET' ? undefined : { kind: 'json', value: {} },
      ),
      { numRuns: 50 },
    );
    expect(new Set(statuses)).toEqual(new Set([401, 403]));
  });

  it('still routes, escalates and takes the seeded matrix back after the sweep, and is ready', async () => {
    await request(server())
      .put('/v1/escalation-matrix')
      .set('authorization', await bearer(['admin']))
      .send(seeded)
      .expect(200);
    const complaintId = randomUUID();
    await deliver(harness.probe, classified(complaintId));
    await eventuallyOutbox(harness, complaintId, 'complaint.assigned', 1);
    await deliver(harness.probe, breached(complaintId));
    const [escalated] = await eventuallyOutbox(harness, complaintId, 'complaint.escalated', 1);
    const acknowledged = await request(server())
      .post(`/v1/escalations/${String(escalated.data['escalationId'])}/acknowledge`)
      .set('authorization', await bearer(['lifecycle:write']))
      .send({ note: '⟪{{7*7}}⟫' })
      .expect(200);
    expect(acknowledged.body.state).toBe('acknowledged');
    await request(server()).get('/health/ready').expect(200);
  });
});

function cursorOf(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}
