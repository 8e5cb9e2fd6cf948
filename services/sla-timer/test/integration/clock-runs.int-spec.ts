import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EnvelopeOf } from '@complaints/contracts';
import { HandlerContext } from '@complaints/kafka';
import { eventually } from '@complaints/testing';
import { StartClocksOnClassifiedHandler } from '../../src/api/messaging/start-clocks-on-classified.handler';
import { CLOCK_STORE, ClockStore } from '../../src/application/ports/clock-store';
import { classified, lifecycle, useSlaTimer } from '../support/sla-timer-harness';

const RECEIVED = '2026-11-20T01:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(RECEIVED) + minutes * 60_000).toISOString();

interface Emitted {
  subject: string;
  type: string;
  data: { clockId: string; dueAt: string; trigger?: string };
}

describe('a run of events is read and written together, under locks taken in one order', () => {
  const sla = useSlaTimer('sla_timer_runs', at(1));

  /** Handles the events as the consumer host does with a run: one transaction, bracketed by the run hooks. */
  async function handleAsOneRun(
    envelopes: ReturnType<typeof classified>[],
  ): Promise<{ emitted: Emitted[]; statements: number }> {
    // The harness builds them from the contract's example event, so their data is the classified payload.
    const events = envelopes as EnvelopeOf<'complaint.classified'>[];
    const handler = sla.service.app.get(StartClocksOnClassifiedHandler);
    const emitted: Emitted[] = [];
    let statements = 0;
    await sla.db.transaction(async (em: EntityManager) => {
      const query = em.query.bind(em);
      em.query = ((...args: Parameters<EntityManager['query']>) => {
        statements++;
        return query(...args);
      }) as EntityManager['query'];
      const ctx: HandlerContext = {
        em,
        emit: async (event) => void emitted.push(event as unknown as Emitted),
      };
      await handler.beforeEvents(events, em);
      for (const event of events) await handler.handle(event, ctx);
      await handler.afterEvents(em);
    });
    return { emitted, statements };
  }

  it('starts the clocks of 30 complaints in a few statements, applies deferred events, and writes what it reported', async () => {
    // Given a complaint whose acknowledgement arrived before its classification
    const early = randomUUID();
    await sla.deliver(lifecycle('complaint.acknowledged', early, 2, at(10)));
    await eventually(async () => {
      const rows = await sla.db.query('SELECT 1 FROM deferred_lifecycle_event WHERE complaint_id = $1', [
        early,
      ]);
      expect(rows).toHaveLength(1);
    });
    // And a run of 32 classifications: 30 new urgent complaints, that one, and a second revision of the first
    const fresh = Array.from({ length: 30 }, () => randomUUID());
    const events = [
      ...fresh.map((id) => classified(id, RECEIVED, { urgency: 'urgent' })),
      classified(early, RECEIVED, { urgency: 'urgent' }),
      classified(fresh[0], RECEIVED, { urgency: 'general', priority: 'P3', revision: 2 }),
    ];

    // When they are handled as one run
    const { emitted, statements } = await handleAsOneRun(events);

    // Then it took a handful of statements, not several per event
    expect(statements).toBeLessThanOrEqual(12);
    // And every complaint's three clocks started; the early acknowledgement met the first response
    const typesOf = (id: string) => emitted.filter((e) => e.subject === id).map((e) => e.type);
    for (const id of fresh.slice(1))
      expect(typesOf(id)).toEqual(['sla.started', 'sla.started', 'sla.started']);
    expect(typesOf(early)).toEqual(['sla.started', 'sla.started', 'sla.started', 'sla.met']);
    expect(
      await sla.db.query('SELECT 1 FROM deferred_lifecycle_event WHERE complaint_id = $1', [early]),
    ).toEqual([]);
    // And the second revision recomputed the first complaint's clocks after they started
    const firstOnes = emitted.filter((e) => e.subject === fresh[0]);
    expect(firstOnes.length).toBeGreaterThan(3);
    expect(firstOnes.slice(3).every((e) => e.data.trigger === 'reclassified')).toBe(true);

    // And each clock was written as its last event reported it, with timers for the open ones
    const rows: { id: string; complaint_id: string; state: string; due_at: Date; timers: number }[] =
      await sla.db.query(
        `SELECT c.id, c.complaint_id, c.state, c.due_at,
                (SELECT count(*)::int FROM timer t WHERE t.clock_id = c.id AND t.fired_at IS NULL) AS timers
         FROM clock c WHERE c.complaint_id = ANY($1::uuid[])`,
        [[...fresh, early]],
      );
    expect(rows).toHaveLength(93);
    const lastDue = new Map(emitted.map((e) => [e.data.clockId, e.data.dueAt]));
    for (const row of rows) {
      expect(row.due_at.toISOString()).toBe(lastDue.get(row.id));
      if (row.state === 'running') expect(row.timers).toBeGreaterThan(0);
      else expect(row.timers).toBe(0);
    }
    expect(rows.filter((r) => r.state !== 'running').map((r) => r.complaint_id)).toEqual([early]);

    // And the consumer goes on from that state: an acknowledgement of one of them meets its first response
    await sla.deliver(lifecycle('complaint.acknowledged', fresh[5], 2, at(12)));
    await sla.expectEvents(fresh[5], ['sla.met first-response']);
  });

  it('locks the complaints of a run in ascending key order, whatever order the events came in', async () => {
    // Given two complaints, and a transaction holding the lock of the one with the higher key
    const store = sla.service.app.get<ClockStore>(CLOCK_STORE);
    const [a, b] = [randomUUID(), randomUUID()];
    const [keys] = await sla.db.query('SELECT hashtext($1) AS a, hashtext($2) AS b', [a, b]);
    const [low, high] = keys.a < keys.b ? [a, b] : [b, a];
    const holder = sla.db.createQueryRunner();
    const waiter = sla.db.createQueryRunner();
    try {
      await holder.startTransaction();
      await store.lockComplaints(holder.manager, [high]);

      // When another run locks both, the higher one named first
      await waiter.startTransaction();
      const [{ pid }] = await waiter.query('SELECT pg_backend_pid() AS pid');
      const locking = store.lockComplaints(waiter.manager, [high, low]);

      // Then it holds the lower one while it waits for the higher: two runs can only wait in one direction
      await eventually(async () => {
        const locks: { granted: boolean }[] = await sla.db.query(
          `SELECT granted FROM pg_locks WHERE locktype = 'advisory' AND pid = $1 ORDER BY granted`,
          [pid],
        );
        expect(locks.map((l) => l.granted)).toEqual([false, true]);
      });
      await holder.commitTransaction();
      await locking;
      await waiter.commitTransaction();
    } finally {
      await holder.release();
      await waiter.release();
    }
  });
});
