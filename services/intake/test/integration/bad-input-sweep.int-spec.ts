import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CATEGORIES, CHANNELS, COMPLAINT_STATUSES } from '@complaints/contracts';
import type { Scope } from '@complaints/http-api';
import {
  bearer,
  createTestDatabase,
  hostileBody,
  hostileHeaderValue,
  hostilePathSegment,
  hostileQueryString,
  HostileRequest,
  sweep,
  TestDatabase,
} from '@complaints/testing';
import { INTAKE_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { INTAKE_SCHEMA } from '../../src/intake.module';
import { fileComplaint, intakeKeys, startIntake } from '../intake-under-test';

/**
 * POST /v1/complaints has its own property (queries-and-protection); this sweeps every other intake route: each
 * lifecycle transition, the list, one complaint and its audit trail.
 */
const TRANSITIONS: { name: string; scopes: Scope[]; valid: object }[] = [
  { name: 'acknowledge', scopes: ['lifecycle:write'], valid: { note: 'calling the customer' } },
  { name: 'request-info', scopes: ['lifecycle:write'], valid: { informationRequested: 'the statement' } },
  { name: 'customer-reply', scopes: ['complaints:write'], valid: { note: 'statement attached' } },
  {
    name: 'resolve',
    scopes: ['lifecycle:write'],
    valid: { outcome: 'upheld', resolutionSummary: 'refunded', remedy: 'refund' },
  },
  { name: 'feedback', scopes: ['complaints:write'], valid: { satisfaction: 4, comment: 'quick' } },
  { name: 'reopen', scopes: ['lifecycle:write'], valid: { reason: 'the refund never arrived' } },
  {
    name: 'extend-deadline',
    scopes: ['lifecycle:write'],
    valid: { reason: 'waiting for the card network', newTotalDays: 30, approver: 'mgr-1' },
  },
  { name: 'close', scopes: ['lifecycle:write'], valid: { reason: 'done' } },
  { name: 'withdraw', scopes: ['complaints:write'], valid: { reason: 'sorted out at the branch' } },
];

const NUM_RUNS = 70;

describe('intake answers hostile input on every route with a 4xx problem, and stores none of it', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let data: DataSource;
  const complaintIds: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('intake_bad_input');
    const url = await db.prepareSchema(INTAKE_SCHEMA, INTAKE_MIGRATIONS);
    app = await startIntake(url, intakeKeys());
    data = app.get(DataSource);
    // Real complaints, so transitions with a valid body get past the id and reach the state machine.
    for (let i = 0; i < 8; i++) complaintIds.push((await fileComplaint(app)).id);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const server = () => app.getHttpServer();
  const counts = async () =>
    (
      await data.query(`SELECT
        (SELECT count(*)::int FROM complaint) AS complaints,
        (SELECT count(*)::int FROM complaint_transition) AS transitions,
        (SELECT count(*)::int FROM idempotency_key) AS keys,
        (SELECT count(*)::int FROM outbox) AS events`)
    )[0] as { complaints: number; transitions: number; keys: number; events: number };
  /** A known complaint most of the time, else a random uuid or a hostile path segment. */
  const anId = () =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...complaintIds), weight: 4 },
      { arbitrary: fc.uuid(), weight: 1 },
      { arbitrary: hostilePathSegment(), weight: 2 },
    );

  it('refuses broken lifecycle bodies and ids with a listed 4xx, and records exactly the transitions it accepted', async () => {
    const before = await counts();
    let accepted = 0;
    let refusedByValidation = 0;
    for (const transition of TRANSITIONS) {
      const authorization = await bearer(transition.scopes, 'agent-desktop', 'agent-7');
      const statuses = await sweep(
        server(),
        fc
          .record({ id: anId(), body: hostileBody(transition.valid) })
          .map(({ id, body }): HostileRequest => ({
            method: 'POST',
            path: `/v1/complaints/${id}/${transition.name}`,
            authorization,
            body,
          })),
        {
          numRuns: NUM_RUNS,
          // Found by this sweep: NUL and a lone surrogate reached Postgres (text and jsonb) and failed as a 500
          examples: ['a\u0000b', '\ud800x'].map((bad): HostileRequest => ({
            method: 'POST',
            path: `/v1/complaints/${complaintIds[0]}/${transition.name}`,
            authorization,
            body: { kind: 'json', value: withFirstTextReplaced(transition.valid, bad) },
          })),
        },
      );
      accepted += statuses.filter((s) => s === 200).length;
      refusedByValidation += statuses.filter((s) => s === 400).length;
    }

    // Then every accepted transition is one audit row and one event; nothing else was written
    const after = await counts();
    expect(after).toEqual({
      complaints: before.complaints,
      transitions: before.transitions + accepted,
      keys: before.keys,
      events: before.events + accepted,
    });
    expect(accepted).toBeGreaterThan(0);
    expect(refusedByValidation).toBeGreaterThan(NUM_RUNS);
    // And each complaint's version still counts its audit rows, and its status is the last row's
    const drift = await data.query(
      `
      SELECT c.id FROM complaint c
      WHERE c.version <> (SELECT count(*) FROM complaint_transition t WHERE t.complaint_id = c.id)
         OR c.status <> (SELECT t.to_status FROM complaint_transition t WHERE t.complaint_id = c.id
                         ORDER BY t.id DESC LIMIT 1)
         OR c.status <> ALL($1::text[])`,
      [COMPLAINT_STATUSES],
    );
    expect(drift).toEqual([]);
  });

  it('answers random filters, cursors and limits on the list with 200 or a listed 400', async () => {
    const authorization = await bearer(['complaints:read']);
    const statuses = await sweep(
      server(),
      hostileQueryString({
        status: COMPLAINT_STATUSES,
        category: CATEGORIES,
        channel: CHANNELS,
        from: ['2026-01-01T00:00:00Z', '2026-11-22'],
        to: ['2099-01-01T00:00:00.000+08:00'],
        // Cursors in the list's own format that point nowhere, or at ids and times Postgres cannot hold
        cursor: [
          cursorOf('2026-11-22T00:00:00.000Z', randomUUID()),
          cursorOf('2026-11-22T00:00:00.000Z', '-'.repeat(36)),
          cursorOf('0000-01-01T00:00:00Z', randomUUID()),
          cursorOf('-271821-04-20T00:00:00Z', randomUUID()),
          cursorOf('+275760-09-13T00:00:00Z', randomUUID()),
          'bm90LW91cnM',
        ],
        limit: ['1', '200'],
      }).map((query): HostileRequest => ({ method: 'GET', path: `/v1/complaints?${query}`, authorization })),
      {
        numRuns: 150,
        // Found by this sweep: a forged cursor's id or time reached Postgres and failed as a 500
        examples: [
          cursorOf('2026-11-22T00:00:00.000Z', '-'.repeat(36)),
          cursorOf('-271821-04-20T00:00:00Z', randomUUID()),
        ].map((cursor): HostileRequest => ({
          method: 'GET',
          path: `/v1/complaints?cursor=${cursor}`,
          authorization,
        })),
      },
    );
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
  });

  it('answers random ids on one complaint and its audit trail with 200, 400 or 404', async () => {
    const authorization = await bearer(['complaints:read']);
    for (const suffix of ['', '/audit']) {
      const statuses = await sweep(
        server(),
        fc
          .record({ id: anId(), query: hostileQueryString({ include: ['history'] }) })
          .map(({ id, query }): HostileRequest => ({
            method: 'GET',
            path: `/v1/complaints/${id}${suffix}?${query}`,
            authorization,
          })),
        { numRuns: 80 },
      );
      expect(statuses).toContain(200);
      expect(statuses.some((s) => s === 400 || s === 404)).toBe(true);
    }
  });

  it('refuses callers without a token, with a bad one or without the scope: 401 or 403 before any validation', async () => {
    const wrongScope = await bearer(['ops:read']);
    const statuses = await sweep(
      server(),
      fc
        .record({
          transition: fc.constantFrom(...TRANSITIONS),
          id: anId(),
          authorization: fc.oneof(
            fc.constant(undefined),
            fc.constant(wrongScope),
            hostileHeaderValue(),
            hostileHeaderValue().map((v) => `Bearer ${v}`),
          ),
        })
        .chain(({ transition, id, authorization }) =>
          hostileBody(transition.valid).map((body): HostileRequest => ({
            method: 'POST',
            path: `/v1/complaints/${id}/${transition.name}`,
            authorization,
            body,
          })),
        ),
      { numRuns: 60 },
    );
    // A malformed body is refused by the body parser before auth runs: 400, 413 or 415 are fine too.
    expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
    expect(statuses).toContain(401);
    expect(statuses).toContain(403);
  });

  it('still files, moves and reads complaints after the sweep, and is ready', async () => {
    const { id } = await fileComplaint(app);
    const agent = await bearer(['lifecycle:write', 'complaints:read']);
    await request(server())
      .post(`/v1/complaints/${id}/acknowledge`)
      .set('authorization', agent)
      .send({ note: '⟪{{7*7}}⟫' })
      .expect(200);
    const audit = await request(server())
      .get(`/v1/complaints/${id}/audit`)
      .set('authorization', agent)
      .expect(200);
    expect(audit.body.entries.map((e: { to: string }) => e.to)).toEqual(['received', 'acknowledged']);
    // The note is echoed as it was written, not evaluated
    expect(JSON.stringify(audit.body)).toContain('⟪{{7*7}}⟫');
    expect(JSON.stringify(audit.body)).not.toContain('⟪49⟫');
    await request(server()).get('/health/ready').expect(200);
  });
});

/** A cursor in the list's own format (base64url of receivedAt|id), for a position that need not exist. */
function cursorOf(receivedAt: string, id: string): string {
  return Buffer.from(`${receivedAt}|${id}`, 'utf8').toString('base64url');
}

/** The valid body with its first text field replaced. */
function withFirstTextReplaced(valid: object, text: string): object {
  const [key] = Object.entries(valid).find(([, value]) => typeof value === 'string') ?? ['note'];
  return { ...valid, [key]: text };
}
