import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer } from '@complaints/testing';
import { classified, useSlaTimer } from '../support/sla-timer-harness';

describe('sla-timer starts clocks from complaint.classified on the real broker', () => {
  const sla = useSlaTimer('sla_timer_start', '2026-11-20T01:00:05.000Z');

  it('starts the three clocks of the urgent policy once, with durable timers, for a complaint classified twice', async () => {
    // Given an urgent complaint received at 09:00 Shanghai time, its complaint.classified delivered twice
    const complaintId = randomUUID();
    const event = classified(complaintId, '2026-11-20T01:00:00.000Z', { urgency: 'urgent' });
    await sla.deliver(event, 2);

    // Then three sla.started, caused by it: first response in 15 minutes, resolution in 24 hours, the decision
    // at the end of the 15th calendar day in Shanghai
    await sla.expectEvents(complaintId, [
      'sla.started first-response',
      'sla.started resolution',
      'sla.started regulatory-decision',
    ]);
    const [firstResponse, resolution, decision] = sla.slaEvents(complaintId);
    expect(firstResponse.causationid).toBe(event.id);
    expect(firstResponse.data).toMatchObject({
      startedAt: '2026-11-20T01:00:00.000Z',
      dueAt: '2026-11-20T01:15:00.000Z',
      targetMinutes: 15,
      policyId: 'urgent/v1',
      trigger: 'classified',
      occurredAt: '2026-11-20T01:00:05.000Z',
    });
    expect(resolution.data).toMatchObject({ dueAt: '2026-11-21T01:00:00.000Z' });
    expect(decision.data).toMatchObject({
      dueAt: '2026-12-05T16:00:00.000Z',
      targetAmount: 15,
      targetUnit: 'days',
    });

    // And the first-response clock has its warning and breach timers
    const timers: { purpose: string; fire_at: Date }[] = await sla.db.query(
      `SELECT t.purpose, t.fire_at FROM timer t JOIN clock c ON c.id = t.clock_id
       WHERE c.complaint_id = $1 AND c.kind = 'first-response' ORDER BY t.fire_at`,
      [complaintId],
    );
    expect(timers.map((t) => [t.purpose, t.fire_at.toISOString()])).toEqual([
      ['warning:0.5', '2026-11-20T01:07:30.000Z'],
      ['warning:0.8', '2026-11-20T01:12:00.000Z'],
      ['breach', '2026-11-20T01:15:00.000Z'],
    ]);

    // And ops can read the clocks with the time remaining
    const res = await request(sla.service.app.getHttpServer())
      .get(`/v1/sla/complaints/${complaintId}`)
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(res.body.clocks).toHaveLength(3);
    expect(res.body.clocks[0]).toMatchObject({
      kind: 'first-response',
      state: 'running',
      remainingMs: 895_000,
    });
  });

  it('answers 404 for a complaint without clocks and 403 without a reading scope', async () => {
    const server = sla.service.app.getHttpServer();
    await request(server)
      .get(`/v1/sla/complaints/${randomUUID()}`)
      .set('authorization', await bearer(['ops:read']))
      .expect(404)
      .expect('content-type', /application\/problem\+json/);
    await request(server)
      .get(`/v1/sla/complaints/${randomUUID()}`)
      .set('authorization', await bearer(['complaints:write']))
      .expect(403);
  });
});
