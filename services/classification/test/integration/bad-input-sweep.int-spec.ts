import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
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
import { WIRE_VOCABULARY } from '../../src/application/wire-vocabulary';
import { RuleSet } from '../../src/domain/rule-set/rule-set';
import { validateRuleSet, validateVersion } from '../../src/domain/rule-set/validate-rule-set';
import {
  dataSourceOf,
  eventuallyRecords,
  generalAppComplaint,
  useClassificationService,
} from './complaint-events';

/** A version name the sweep's valid bodies carry; each request swaps it for a fresh one, so a valid PUT creates. */
const FRESH = 'sweep-fresh';

describe('classification answers hostile input on every route with a 4xx problem, and stores none of it', () => {
  const harness = useClassificationService();
  const server = () => harness.service.app.getHttpServer();
  const complaintIds: string[] = [];
  let seeded: Omit<RuleSet, 'version'> & { version: string };

  beforeAll(async () => {
    // Classified complaints, so overrides with a valid body reach the use case
    for (let i = 0; i < 4; i++) {
      const received = generalAppComplaint();
      await deliver(harness.probe, received);
      complaintIds.push(received.subject);
    }
    for (const id of complaintIds) await eventuallyRecords(harness, id, 'complaint.classified');
    const res = await request(server())
      .get('/v1/rule-sets')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    const { taxonomy, rules, priority, settings } = res.body;
    seeded = { version: res.body.version, taxonomy, rules, priority, settings };
  });

  /** Rows the routes write: rule-set versions and activations, and for the sweep's complaints their results. */
  const counts = async () =>
    (
      await dataSourceOf(harness).query(
        `SELECT
          (SELECT count(*)::int FROM rule_set) AS versions,
          (SELECT count(*)::int FROM rule_set_activation) AS activations,
          (SELECT count(*)::int FROM classification WHERE complaint_id = ANY($1::uuid[])) AS classifications,
          (SELECT count(*)::int FROM classification_audit WHERE complaint_id = ANY($1::uuid[])) AS audit,
          (SELECT count(*)::int FROM outbox WHERE aggregateid = ANY($1::text[])) AS events`,
        [complaintIds],
      )
    )[0] as { versions: number; activations: number; classifications: number; audit: number; events: number };
  const anId = () =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...complaintIds), weight: 4 },
      { arbitrary: fc.uuid(), weight: 1 },
      { arbitrary: hostilePathSegment(), weight: 2 },
    );

  it('refuses broken rule sets whole: only accepted PUTs add versions, and every stored version is valid', async () => {
    const before = await counts();
    const admin = await bearer(['admin'], 'ops-console', 'rules-admin');
    const outcomes: string[] = [];
    let n = 0;
    const statuses = await sweep(
      server(),
      hostileBody({ ...seeded, version: FRESH, comment: 'sweep' }).map((body): HostileRequest => {
        n += 1;
        const fresh = `sweep-${n}-${randomUUID().slice(0, 8)}`;
        const value = body.kind === 'json' ? body.value : undefined;
        if (value && typeof value === 'object' && (value as { version?: unknown }).version === FRESH) {
          (value as { version: string }).version = fresh;
        }
        const sent = body.kind === 'raw' ? { ...body, text: body.text.replace(FRESH, fresh) } : body;
        return { method: 'PUT', path: '/v1/rule-sets', authorization: admin, body: sent };
      }),
      {
        numRuns: 100,
        // Found by this sweep: an array where a rule or category belongs passed the shape checks, then a 500
        examples: [
          { ...seeded, version: 'sweep-array-rule', rules: [[], ...seeded.rules] },
          { ...seeded, version: 'sweep-array-category', taxonomy: [[], ...seeded.taxonomy] },
        ].map((value): HostileRequest => ({
          method: 'PUT',
          path: '/v1/rule-sets',
          authorization: admin,
          body: { kind: 'json', value },
        })),
        afterEach: (answer) => {
          if (answer.status === 200) outcomes.push((answer.body as { outcome: string }).outcome);
        },
      },
    );

    const created = outcomes.filter((o) => o === 'created').length;
    const after = await counts();
    expect(after.versions).toBe(before.versions + created);
    expect(after.activations).toBe(
      before.activations + created + outcomes.filter((o) => o === 'reactivated').length,
    );
    expect(created).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(30);
    // Every version kept, including those the sweep created, is one the domain validator accepts
    const stored: { version: string; document: Omit<RuleSet, 'version'> }[] = await dataSourceOf(
      harness,
    ).query('SELECT version, document FROM rule_set');
    for (const { version, document } of stored) {
      expect({
        version,
        problems: [...validateVersion(version), ...validateRuleSet(document, WIRE_VOCABULARY)],
      }).toEqual({ version, problems: [] });
    }
  });

  it('answers random versions and queries on GET /v1/rule-sets(/{version}) with 200, 400 or 404', async () => {
    const reader = await bearer(['ops:read']);
    const statuses = await sweep(
      server(),
      fc
        .record({
          version: fc.oneof(fc.constant(seeded.version), hostilePathSegment()),
          query: hostileQueryString({ version: [seeded.version] }),
          listing: fc.boolean(),
        })
        .map(({ version, query, listing }): HostileRequest => ({
          method: 'GET',
          path: listing ? `/v1/rule-sets?${query}` : `/v1/rule-sets/${version}?${query}`,
          authorization: reader,
        })),
      { numRuns: 100 },
    );
    expect(statuses).toContain(200);
    expect(statuses.some((s) => s === 400 || s === 404)).toBe(true);
  });

  it('refuses broken overrides and ids: only accepted overrides are audited and announced', async () => {
    const before = await counts();
    const agent = await bearer(['lifecycle:write'], 'agent-desktop', 'agent-0042');
    const valid = { category: 'account-and-transaction', urgency: 'urgent', risk: 'high', reason: 'misread' };
    const statuses = await sweep(
      server(),
      fc.record({ id: anId(), body: hostileBody(valid) }).map(({ id, body }): HostileRequest => ({
        method: 'POST',
        path: `/v1/classifications/${id}/override`,
        authorization: agent,
        body,
      })),
      { numRuns: 120 },
    );
    const accepted = statuses.filter((s) => s === 200).length;
    const after = await counts();
    expect(after).toEqual({
      ...before,
      audit: before.audit + accepted,
      events: before.events + accepted,
    });
    expect(accepted).toBeGreaterThan(0);
    expect(statuses).toContain(400);
  });

  it('answers random ids on GET /v1/classifications/{id} with 200, 400 or 404', async () => {
    const reader = await bearer(['complaints:read']);
    const statuses = await sweep(
      server(),
      fc
        .record({ id: anId(), query: hostileQueryString({ revision: ['1'] }) })
        .map(({ id, query }): HostileRequest => ({
          method: 'GET',
          path: `/v1/classifications/${id}?${query}`,
          authorization: reader,
        })),
      { numRuns: 80 },
    );
    expect(statuses).toContain(200);
    expect(statuses.some((s) => s === 400 || s === 404)).toBe(true);
  });

  it('refuses callers without a token, with a bad one or without the scope', async () => {
    const wrongScope = await bearer(['complaints:write']);
    const routes: { method: 'GET' | 'POST' | 'PUT'; path: string }[] = [
      { method: 'GET', path: '/v1/rule-sets' },
      { method: 'PUT', path: '/v1/rule-sets' },
      { method: 'GET', path: `/v1/classifications/${randomUUID()}` },
      { method: 'POST', path: `/v1/classifications/${randomUUID()}/override` },
    ];
    const statuses = await sweep(
      server(),
      unauthorisedCallers(routes, wrongScope, (route) =>
        route.method === 'GET' ? undefined : { kind: 'json', value: { reason: 'x' } },
      ),
      { numRuns: 40 },
    );
    expect(new Set(statuses)).toEqual(new Set([401, 403]));
  });

  it('still classifies, overrides and accepts a valid rule set after the sweep, echoes text unevaluated, and is ready', async () => {
    const received = generalAppComplaint();
    await deliver(harness.probe, received);
    await eventuallyRecords(harness, received.subject, 'complaint.classified');
    const overridden = await request(server())
      .post(`/v1/classifications/${received.subject}/override`)
      .set('authorization', await bearer(['lifecycle:write']))
      .send({ urgency: 'urgent', reason: 'the customer said ⟪{{7*7}}⟫ and ⟪${7*7}⟫' })
      .expect(200);
    expect(overridden.body).toMatchObject({ urgency: 'urgent', revision: 2 });
    expect(overridden.body.history[1].reason).toBe('the customer said ⟪{{7*7}}⟫ and ⟪${7*7}⟫');
    const put = await request(server())
      .put('/v1/rule-sets')
      .set('authorization', await bearer(['admin']))
      .send({ ...seeded, version: `after-sweep-${randomUUID().slice(0, 8)}` })
      .expect(200);
    expect(put.body.outcome).toBe('created');
    await request(server()).get('/health/ready').expect(200);
  });
});
