import { randomUUID } from 'node:crypto';
import { Server } from 'node:http';
import request from 'supertest';
import { bearer, eventually } from '@complaints/testing';
import { openSse, SseClient } from '../support/sse-client';
import { classified, useSlaTimer } from '../support/sla-timer-harness';

const MINUTE = 60_000;
const RECEIVED = '2026-11-20T01:00:00.000Z';

describe('a complaint nobody acknowledges', () => {
  const sla = useSlaTimer('sla_timer_breach', RECEIVED);
  let stream: SseClient;
  const first: string[] = [];

  afterAll(() => stream?.close());

  it('produces sla.warning at 50% and 80% and then sla.breached on Kafka and on the live stream, each once', async () => {
    // Given an ops dashboard following the live stream
    const server = sla.service.app.getHttpServer() as Server;
    stream = await openSse(server, '/v1/sla/stream?kind=first-response', await bearer(['ops:read']));
    expect(stream.status).toBe(200);
    // And an urgent complaint classified at receipt, with its clocks started
    const complaintId = randomUUID();
    first.push(complaintId);
    await sla.deliver(classified(complaintId, RECEIVED, { urgency: 'urgent' }));
    const started = [
      'sla.started first-response',
      'sla.started resolution',
      'sla.started regulatory-decision',
    ];
    await sla.expectEvents(complaintId, started);

    // When 8 minutes pass without an acknowledgement, Then the 50% warning fires
    sla.advance(8 * MINUTE);
    await sla.expectEvents(complaintId, [...started, 'sla.warning first-response']);
    // When 13 minutes have passed, Then the 80% warning; and at 16 minutes, the breach
    sla.advance(5 * MINUTE);
    await sla.expectEvents(complaintId, [
      ...started,
      'sla.warning first-response',
      'sla.warning first-response',
    ]);
    sla.advance(3 * MINUTE);
    await sla.expectEvents(complaintId, [
      ...started,
      'sla.warning first-response',
      'sla.warning first-response',
      'sla.breached first-response',
    ]);
    const [half, eighty, breached] = sla.slaEvents(complaintId).slice(3);
    expect(half.data).toMatchObject({
      threshold: 0.5,
      remainingMs: 7.5 * MINUTE,
      dueAt: '2026-11-20T01:15:00.000Z',
    });
    expect(eighty.data).toMatchObject({ threshold: 0.8, remainingMs: 3 * MINUTE });
    expect(breached.data).toMatchObject({ breachedAt: '2026-11-20T01:15:00.000Z', policyId: 'urgent/v1' });
    // Timer-fired events carry the clock's correlation and no causation
    expect(breached).toMatchObject({
      correlationid: (sla.slaEvents(complaintId)[0] as { correlationid?: string }).correlationid,
    });
    expect(breached.causationid).toBeUndefined();

    // And the stream delivered the same three alerts as they fired
    await eventually(() =>
      expect(stream.events.filter((e) => e.data.subject === complaintId).map((e) => e.event)).toEqual([
        'sla.warning',
        'sla.warning',
        'sla.breached',
      ]),
    );

    // And moving on an hour fires nothing more for it: exactly one row per alert in the outbox
    sla.advance(60 * MINUTE);
    await sla.scheduler.firePass();
    const alerts: { type: string }[] = await sla.db.query(
      `SELECT type FROM outbox WHERE aggregateid = $1 AND type IN ('sla.warning', 'sla.breached') ORDER BY position`,
      [complaintId],
    );
    expect(alerts.map((a) => a.type)).toEqual(['sla.warning', 'sla.warning', 'sla.breached']);
  });

  it('lists the breach, and the clocks at risk within a window', async () => {
    // (The topics also carry other spec files' complaints: only this file's are looked for.)
    const server = sla.service.app.getHttpServer();
    const ops = await bearer(['ops:read']);
    const [complaintId] = first;
    // The breached first-response clock of the previous test is still open, and listed
    const breaches = await request(server)
      .get('/v1/sla/breaches?kind=first-response&state=running&limit=500')
      .set('authorization', ops)
      .expect(200);
    expect(breaches.body.items.filter((c: { complaintId: string }) => c.complaintId === complaintId)).toEqual(
      [
        expect.objectContaining({
          kind: 'first-response',
          breachedAt: '2026-11-20T01:15:00.000Z',
          remainingMs: 0,
        }),
      ],
    );
    // Its resolution clock (due 24 h after receipt) is at risk within a day, not within an hour
    const dueIn = (Date.parse('2026-11-21T01:00:00.000Z') - sla.clock.now().getTime()) / MINUTE;
    const atRisk = async (minutes: number) => {
      const res = await request(server)
        .get(`/v1/sla/at-risk?withinMinutes=${minutes}&limit=500`)
        .set('authorization', ops)
        .expect(200);
      return res.body.items
        .filter((c: { complaintId: string }) => c.complaintId === complaintId)
        .map((c: { kind: string }) => c.kind);
    };
    expect(await atRisk(Math.ceil(dueIn))).toEqual(['resolution']);
    expect(await atRisk(60)).toEqual([]);
  });

  it('pages through breaches with a cursor and rejects bad queries with every field error', async () => {
    // Given three more complaints breaching their first response
    const server = sla.service.app.getHttpServer();
    const ops = await bearer(['ops:read']);
    const receivedAt = sla.clock.now().toISOString();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) await sla.deliver(classified(id, receivedAt, { urgency: 'urgent' }));
    await eventually(async () => {
      const [row] = await sla.db.query(`SELECT count(*)::int AS n FROM clock WHERE complaint_id = ANY($1)`, [
        ids,
      ]);
      expect(row.n).toBe(9);
    });
    sla.advance(16 * MINUTE);
    const mine = [...first, ...ids];
    await eventually(async () => {
      const [row] = await sla.db.query(
        'SELECT count(*)::int AS n FROM clock WHERE breached_at IS NOT NULL AND complaint_id = ANY($1)',
        [mine],
      );
      expect(row.n).toBe(4);
    });
    // When all breaches are read two at a time
    const seen: { clockId: string; complaintId: string; breachedAt: string }[] = [];
    let next: string | undefined;
    do {
      const page = await request(server)
        .get(`/v1/sla/breaches?limit=2${next ? `&cursor=${next}` : ''}`)
        .set('authorization', ops)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      next = page.body.next;
    } while (next);
    // Then every breach appears once, newest first, and all four of ours are among them
    expect(new Set(seen.map((c) => c.clockId)).size).toBe(seen.length);
    const times = seen.map((c) => Date.parse(c.breachedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(seen.filter((c) => mine.includes(c.complaintId))).toHaveLength(4);
    // And a bad query answers 400 naming every field
    const bad = await request(server)
      .get('/v1/sla/at-risk?withinMinutes=0&kind=lunch&limit=9999')
      .set('authorization', ops)
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'kind',
      'limit',
      'withinMinutes',
    ]);
    await request(server).get('/v1/sla/breaches?cursor=not-a-cursor').set('authorization', ops).expect(400);
    await request(server).get('/v1/sla/stream').expect(401);
  });
});
