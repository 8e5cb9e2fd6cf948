import { randomUUID } from 'node:crypto';
import { request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import {
  bearer,
  HttpAnswer,
  hostileBody,
  hostileHeaderValue,
  hostilePathSegment,
  hostileQueryString,
  HostileRequest,
  sweep,
  unauthorisedCallers,
} from '@complaints/testing';
import { BusinessCalendar } from '../../src/domain/calendar/business-calendar';
import { calendarProblems } from '../../src/domain/calendar/calendar-rules';
import { policyProblems } from '../../src/domain/policy/policy-rules';
import { SlaPolicy } from '../../src/domain/policy/sla-policy';
import { classified, useSlaTimer } from '../support/sla-timer-harness';

const KINDS = ['first-response', 'resolution', 'regulatory-decision'];

describe('sla-timer answers hostile input on every route with a 4xx problem, and stores none of it', () => {
  const sla = useSlaTimer('sla_timer_bad_input', '2026-11-20T01:00:05.000Z');
  const server = () => sla.service.app.getHttpServer() as Server;
  const complaintIds: string[] = [];
  let seededPolicies: { policies: SlaPolicy[] };
  let seededCalendars: { calendars: BusinessCalendar[] };

  beforeAll(async () => {
    // Complaints with running clocks, so the reads have rows to show (and to compute remaining time for)
    for (const urgency of ['urgent', 'general'] as const) {
      const id = randomUUID();
      await sla.deliver(classified(id, '2026-11-20T01:00:00.000Z', { urgency }));
      complaintIds.push(id);
    }
    for (const id of complaintIds) {
      await sla.expectEvents(
        id,
        KINDS.map((k) => `sla.started ${k}`),
      );
    }
    const reader = await bearer(['ops:read']);
    const policies = await request(server()).get('/v1/sla/policies').set('authorization', reader).expect(200);
    seededPolicies = { policies: policies.body.policies };
    const calendars = await request(server()).get('/v1/calendars').set('authorization', reader).expect(200);
    seededCalendars = { calendars: calendars.body.calendars };
  });

  /** Rows the routes write: one per policy or calendar version (the reads write nothing). */
  const counts = async () =>
    (
      await sla.db.query(`SELECT
        (SELECT count(*)::int FROM sla_policy_set) AS policy_versions,
        (SELECT count(*)::int FROM calendar_set) AS calendar_versions`)
    )[0] as Record<'policy_versions' | 'calendar_versions', number>;
  const ifMatch = () =>
    fc.oneof(
      fc.constant(undefined),
      fc.integer({ min: 0, max: 40 }).map((n) => `"${n}"`),
      hostileHeaderValue(),
    );

  // The writes go first: whatever they accept, every read after them must still answer without a 5xx.
  for (const document of ['policies', 'calendars'] as const) {
    const path = document === 'policies' ? '/v1/sla/policies' : '/v1/calendars';
    const table = document === 'policies' ? 'policy_versions' : 'calendar_versions';

    it(`refuses broken ${document} whole: only accepted PUTs add versions, and every stored version is valid`, async () => {
      const before = await counts();
      const admin = await bearer(['admin']);
      const valid = document === 'policies' ? seededPolicies : seededCalendars;
      const statuses = await sweep(
        server(),
        fc
          .record({ body: hostileBody(valid), ifMatch: ifMatch() })
          .map(({ body, ifMatch }): HostileRequest => ({
            method: 'PUT',
            path,
            authorization: admin,
            body,
            headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
          })),
        { numRuns: 100 },
      );
      const accepted = statuses.filter((s) => s === 200).length;
      expect(await counts()).toEqual({ ...before, [table]: before[table] + accepted });
      expect(accepted).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(30);
      await expectEveryStoredVersionValid();
    });
  }

  it('answers random versions on GET /v1/sla/policies and /v1/calendars with 200, 400 or 404', async () => {
    const reader = await bearer(['ops:read']);
    const statuses = await sweep(
      server(),
      fc
        .record({
          path: fc.constantFrom('/v1/sla/policies', '/v1/calendars'),
          query: hostileQueryString({ version: ['1', '2', '999999999', '2147483648'] }),
        })
        .map(({ path, query }): HostileRequest => ({
          method: 'GET',
          path: `${path}?${query}`,
          authorization: reader,
        })),
      { numRuns: 100 },
    );
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
  });

  it('answers random ids on GET /v1/sla/complaints/{id} with 200, 400 or 404', async () => {
    const reader = await bearer(['complaints:read']);
    const statuses = await sweep(
      server(),
      fc
        .record({
          id: fc.oneof(
            { arbitrary: fc.constantFrom(...complaintIds), weight: 3 },
            { arbitrary: fc.uuid(), weight: 1 },
            { arbitrary: hostilePathSegment(), weight: 2 },
          ),
          query: hostileQueryString({ kind: KINDS }),
        })
        .map(({ id, query }): HostileRequest => ({
          method: 'GET',
          path: `/v1/sla/complaints/${id}?${query}`,
          authorization: reader,
        })),
      { numRuns: 80 },
    );
    expect(statuses).toContain(200);
    expect(statuses.some((s) => s === 400 || s === 404)).toBe(true);
  });

  it('answers random filters, cursors and limits on breaches and at-risk with 200 or a listed 400', async () => {
    const reader = await bearer(['ops:read']);
    const page = {
      kind: KINDS,
      policyId: ['urgent', 'general'],
      limit: ['1', '500'],
      // Cursors in the pages' own format that point nowhere, or at ids and times Postgres cannot hold
      cursor: [
        cursorOf('2026-11-20T01:00:00.000Z', randomUUID()),
        cursorOf('2026-11-20T01:00:00.000Z', '-'.repeat(36)),
        cursorOf('-271821-04-20T00:00:00.000Z', randomUUID()),
        cursorOf('+275760-09-13T00:00:00.000Z', randomUUID()),
      ],
    };
    const statuses = await sweep(
      server(),
      fc
        .oneof(
          hostileQueryString({
            ...page,
            state: ['running', 'met'],
            from: ['2026-01-01T00:00:00Z'],
            to: ['2027-01-01'],
          }).map((query) => `/v1/sla/breaches?${query}`),
          hostileQueryString({ ...page, withinMinutes: ['60', '525600'] }).map(
            (query) => `/v1/sla/at-risk?withinMinutes=60&${query}`,
          ),
        )
        .map((path): HostileRequest => ({ method: 'GET', path, authorization: reader })),
      {
        numRuns: 150,
        // Found by this sweep: a forged cursor's id or time reached Postgres and failed as a 500
        examples: page.cursor.slice(1).map((cursor): HostileRequest => ({
          method: 'GET',
          path: `/v1/sla/breaches?cursor=${cursor}`,
          authorization: reader,
        })),
      },
    );
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
  });

  it('answers random filters on the live stream with a stream or a listed 400', async () => {
    const reader = await bearer(['ops:read']);
    const statuses = await sweep(
      server(),
      hostileQueryString({ kind: KINDS, type: ['sla.warning', 'sla.breached'] }).map(
        (query): HostileRequest => ({
          method: 'GET',
          path: `/v1/sla/stream?${query}`,
          authorization: reader,
        }),
      ),
      { numRuns: 60, send: (req) => openStream(server(), req) },
    );
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
  });

  it('refuses callers without a token, with a bad one or without the scope', async () => {
    const wrongScope = await bearer(['lifecycle:write']);
    const routes: { method: 'GET' | 'PUT'; path: string }[] = [
      { method: 'PUT', path: '/v1/sla/policies' },
      { method: 'PUT', path: '/v1/calendars' },
      { method: 'GET', path: '/v1/sla/policies' },
      { method: 'GET', path: '/v1/calendars' },
      { method: 'GET', path: `/v1/sla/complaints/${randomUUID()}` },
      { method: 'GET', path: '/v1/sla/breaches' },
      { method: 'GET', path: '/v1/sla/at-risk?withinMinutes=60' },
    ];
    const statuses = await sweep(
      server(),
      unauthorisedCallers(routes, wrongScope, (route) =>
        route.method === 'PUT' ? { kind: 'json', value: seededPolicies } : undefined,
      ),
      { numRuns: 50 },
    );
    expect(new Set(statuses)).toEqual(new Set([401, 403]));
  });

  it('still takes the seeded rules back, starts clocks and reads them after the sweep, and is ready', async () => {
    const admin = await bearer(['admin']);
    await request(server())
      .put('/v1/calendars')
      .set('authorization', admin)
      .send(seededCalendars)
      .expect(200);
    await request(server())
      .put('/v1/sla/policies')
      .set('authorization', admin)
      .send(seededPolicies)
      .expect(200);
    const id = randomUUID();
    await sla.deliver(classified(id, '2026-11-20T01:00:00.000Z', { urgency: 'urgent' }));
    await sla.expectEvents(
      id,
      KINDS.map((k) => `sla.started ${k}`),
    );
    const clocks = await request(server())
      .get(`/v1/sla/complaints/${id}`)
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(clocks.body.clocks.map((c: { kind: string }) => c.kind).sort()).toEqual([...KINDS].sort());
    await request(server()).get('/health/ready').expect(200);
  });

  /** Every version kept passes the domain's own rules, checked against the calendars stored by then. */
  async function expectEveryStoredVersionValid(): Promise<void> {
    const calendarSets: { version: number; document: { calendars: BusinessCalendar[] } }[] =
      await sla.db.query('SELECT version, document FROM calendar_set ORDER BY version');
    for (const { version, document } of calendarSets) {
      expect({ version, problems: calendarProblems(document.calendars) }).toEqual({ version, problems: [] });
    }
    const everCalendar = new Set(calendarSets.flatMap((s) => s.document.calendars.map((c) => c.id)));
    const policySets: { version: number; document: { policies: SlaPolicy[] } }[] = await sla.db.query(
      'SELECT version, document FROM sla_policy_set ORDER BY version',
    );
    for (const { version, document } of policySets) {
      const problems = policyProblems(document.policies, (id) => everCalendar.has(id));
      expect({ version, problems }).toEqual({ version, problems: [] });
    }
  }
});

/** A cursor in the pages' own format (base64url of [time, id]), for a position that need not exist. */
function cursorOf(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

/**
 * GET on the live stream. A 200 stays open by design: its head is the answer (checked, then the stream closed);
 * a refusal is read whole.
 */
async function openStream(server: Server, req: HostileRequest): Promise<HttpAnswer> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: req.path,
        headers: req.authorization ? { authorization: req.authorization } : {},
      },
      (res) => {
        const answer = { status: res.statusCode ?? 0, headers: res.headers };
        if (answer.status === 200) {
          outgoing.destroy();
          const type = String(res.headers['content-type']);
          if (type.startsWith('text/event-stream')) resolve({ ...answer, text: '' });
          else reject(new Error(`a 200 from the stream that is not an event stream: ${type}`));
          return;
        }
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ ...answer, text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}
