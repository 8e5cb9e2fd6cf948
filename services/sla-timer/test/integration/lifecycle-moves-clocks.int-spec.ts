import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer, eventually } from '@complaints/testing';
import { classified, lifecycle, reclassified, useSlaTimer } from '../support/sla-timer-harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const RECEIVED = '2026-11-20T01:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(RECEIVED) + minutes * MINUTE).toISOString();
const STARTED = ['sla.started first-response', 'sla.started resolution', 'sla.started regulatory-decision'];

describe('lifecycle events move the clocks, in whatever order they arrive', () => {
  const sla = useSlaTimer('sla_timer_lifecycle', at(1));

  async function clocks(complaintId: string): Promise<Record<string, unknown>[]> {
    const res = await request(sla.service.app.getHttpServer())
      .get(`/v1/sla/complaints/${complaintId}`)
      .set('authorization', await bearer(['complaints:read']))
      .expect(200);
    return res.body.clocks;
  }

  it('applies an acknowledgement that arrives before the classification once the classification comes', async () => {
    // Given complaint.acknowledged (at 10 minutes) delivered before complaint.classified
    const complaintId = randomUUID();
    await sla.deliver(lifecycle('complaint.acknowledged', complaintId, 2, at(10)));
    await eventually(async () => {
      const [row] = await sla.db.query(
        'SELECT count(*)::int AS n FROM deferred_lifecycle_event WHERE complaint_id = $1',
        [complaintId],
      );
      expect(row.n).toBe(1);
    });
    // When the classification arrives
    await sla.deliver(classified(complaintId, RECEIVED, { urgency: 'urgent' }));
    // Then the first-response clock starts and is met 5 minutes early, and no timer of it is left to fire
    await sla.expectEvents(complaintId, [...STARTED, 'sla.met first-response']);
    expect(sla.slaEvents(complaintId)[3].data).toMatchObject({ metAt: at(10), marginMs: 5 * MINUTE });
    const [armed] = await sla.db.query(
      `SELECT count(*)::int AS n FROM timer t JOIN clock c ON c.id = t.clock_id WHERE c.complaint_id = $1 AND c.kind = 'first-response'`,
      [complaintId],
    );
    expect(armed.n).toBe(0);
  });

  it('does not count the time the customer was asked for information, and ignores a stale event', async () => {
    // Given a general complaint (resolution in 72 hours), acknowledged, then waiting for the customer for 5 hours
    const complaintId = randomUUID();
    await sla.deliver(classified(complaintId, RECEIVED, { urgency: 'general', priority: 'P3' }));
    await sla.expectEvents(complaintId, STARTED);
    await sla.deliver(lifecycle('complaint.acknowledged', complaintId, 2, at(30)));
    await sla.deliver(lifecycle('complaint.awaiting-customer', complaintId, 3, at(60)));
    await sla.deliver(lifecycle('complaint.customer-replied', complaintId, 4, at(360)));
    // And a replay of the acknowledgement with a new event id (version 2, already applied)
    const replay = lifecycle('complaint.acknowledged', complaintId, 2, at(30));
    await sla.deliver(replay);
    await eventually(async () => {
      const rows = await sla.db.query('SELECT 1 FROM inbox WHERE event_id = $1', [replay.id]);
      expect(rows).toHaveLength(1);
    });
    // Then the resolution clock paused with 71 hours left and resumed due 5 hours later than at first, and the
    // replay changed nothing
    await sla.expectEvents(complaintId, [
      ...STARTED,
      'sla.met first-response',
      'sla.paused resolution',
      'sla.resumed resolution',
    ]);
    const [outbox] = await sla.db.query('SELECT count(*)::int AS n FROM outbox WHERE aggregateid = $1', [
      complaintId,
    ]);
    expect(outbox.n).toBe(6);
    const [, , , , paused, resumed] = sla.slaEvents(complaintId);
    expect(paused.data).toMatchObject({ remainingMs: 71 * HOUR, dueAt: at(72 * 60) });
    expect(resumed.data).toMatchObject({ dueAt: at(77 * 60) });
    // And its timers moved with it: the breach is armed at the new due time
    const [breach] = await sla.db.query(
      `SELECT t.fire_at FROM timer t JOIN clock c ON c.id = t.clock_id
       WHERE c.complaint_id = $1 AND c.kind = 'resolution' AND t.purpose = 'breach'`,
      [complaintId],
    );
    expect(breach.fire_at.toISOString()).toBe(at(77 * 60));
    const resolution = (await clocks(complaintId)).find((c) => c.kind === 'resolution');
    expect(resolution).toMatchObject({ state: 'running', pauses: [{ from: at(60), to: at(360) }] });
  });

  it('meets resolution and the regulatory decision on resolution, restarts them on reopening, and cancels on withdrawal', async () => {
    // Given an urgent complaint resolved after 2 hours
    const complaintId = randomUUID();
    await sla.deliver(classified(complaintId, RECEIVED, { urgency: 'urgent' }));
    await sla.deliver(lifecycle('complaint.acknowledged', complaintId, 2, at(5)));
    await sla.deliver(lifecycle('complaint.resolved', complaintId, 3, at(120)));
    const resolved = [
      ...STARTED,
      'sla.met first-response',
      'sla.met resolution',
      'sla.met regulatory-decision',
    ];
    await sla.expectEvents(complaintId, resolved);
    // When it is reopened a day later, and then withdrawn
    await sla.deliver(lifecycle('complaint.reopened', complaintId, 4, at(24 * 60)));
    await sla.deliver(lifecycle('complaint.withdrawn', complaintId, 5, at(25 * 60)));
    // Then the resolution and regulatory clocks start a second cycle from the reopening, then are cancelled
    await sla.expectEvents(complaintId, [
      ...resolved,
      'sla.started resolution',
      'sla.started regulatory-decision',
      'sla.cancelled resolution',
      'sla.cancelled regulatory-decision',
    ]);
    const events = sla.slaEvents(complaintId);
    expect(events[6].data).toMatchObject({
      trigger: 'reopened',
      cycle: 2,
      startedAt: at(24 * 60),
      dueAt: at(48 * 60),
    });
    expect(events[6].data.clockId).not.toBe(events[1].data.clockId);
    expect(events[8].data).toMatchObject({ reason: 'complaint withdrawn' });
  });

  it('recomputes the open clocks on reclassification and extends the regulatory decision on deadline-extended', async () => {
    // Given a general complaint, acknowledged
    const complaintId = randomUUID();
    await sla.deliver(classified(complaintId, RECEIVED, { urgency: 'general', priority: 'P3' }));
    await sla.deliver(lifecycle('complaint.acknowledged', complaintId, 2, at(20)));
    await sla.expectEvents(complaintId, [...STARTED, 'sla.met first-response']);
    // When it is reclassified urgent (revision 2), and its decision deadline is extended to 30 days
    await sla.deliver(
      reclassified(complaintId, RECEIVED, { urgency: 'urgent', priority: 'P2', revision: 2 }),
    );
    await sla.deliver(
      lifecycle('complaint.deadline-extended', complaintId, 3, at(90), {
        newTotalDays: 30,
        receivedAt: RECEIVED,
      }),
    );
    // Then resolution is due 24 hours after receipt under the urgent policy, and the decision on day 30
    await sla.expectEvents(complaintId, [
      ...STARTED,
      'sla.met first-response',
      'sla.started resolution',
      'sla.started regulatory-decision',
      'sla.started regulatory-decision',
    ]);
    const events = sla.slaEvents(complaintId);
    expect(events[4].data).toMatchObject({
      trigger: 'reclassified',
      policyId: 'urgent/v1',
      dueAt: at(24 * 60),
    });
    expect(events[6].data).toMatchObject({
      trigger: 'deadline-extended',
      targetAmount: 30,
      dueAt: '2026-12-20T16:00:00.000Z',
    });
    expect(events[6].data.clockId).toBe(events[2].data.clockId);
  });
});
