import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EXAMPLE_EVENTS, TOPICS } from '@complaints/contracts';
import {
  bearer,
  baseServiceEnv,
  deliver,
  freshEvent,
  theOnlyRecord,
  useServiceHarness,
} from '@complaints/testing';
import { SlaTimerModule, SLA_TIMER_SCHEMA } from '../../src/sla-timer.module';
import { SlaTimerEnv } from '../../src/config/sla-timer.env';
import { SLA_TIMER_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';

describe('sla-timer starts clocks from complaint.classified on the real broker', () => {
  const harness = useServiceHarness({
    label: 'sla_timer',
    schema: SLA_TIMER_SCHEMA,
    migrations: SLA_TIMER_MIGRATIONS,
    module: (url) => SlaTimerModule.register(Object.assign(new SlaTimerEnv(), baseServiceEnv(url))),
    watch: [TOPICS.slaClocks],
  });

  it('starts one 15-minute first-response clock with durable timers for an urgent complaint classified twice', async () => {
    // Given an urgent complaint.classified delivered twice
    const complaintId = randomUUID();
    const example = EXAMPLE_EVENTS['complaint.classified'];
    const classified = freshEvent({
      ...example,
      subject: complaintId,
      data: { ...example.data, complaintId, urgency: 'urgent', receivedAt: '2026-11-20T09:00:00.000Z' },
    });
    await deliver(harness.probe, classified, 2);

    // Then one sla.started with the due time 15 minutes after receipt
    const started = (await theOnlyRecord(harness.probe, complaintId)).value as {
      causationid: string;
      data: Record<string, unknown>;
    };
    expect(started.causationid).toBe(classified.id);
    expect(started.data).toMatchObject({
      kind: 'first-response',
      startedAt: '2026-11-20T09:00:00.000Z',
      dueAt: '2026-11-20T09:15:00.000Z',
      targetMinutes: 15,
    });

    // And one clock row with its warning and breach timers
    const db = harness.service.app.get(DataSource);
    const timers = await db.query(
      `SELECT t.purpose, t.fire_at FROM timer t JOIN clock c ON c.id = t.clock_id WHERE c.complaint_id = $1 ORDER BY t.fire_at`,
      [complaintId],
    );
    expect(
      timers.map((t: { purpose: string; fire_at: Date }) => [t.purpose, t.fire_at.toISOString()]),
    ).toEqual([
      ['warning:0.5', '2026-11-20T09:07:30.000Z'],
      ['warning:0.8', '2026-11-20T09:12:00.000Z'],
      ['breach', '2026-11-20T09:15:00.000Z'],
    ]);
    const res = await request(harness.service.app.getHttpServer())
      .get(`/v1/sla/complaints/${complaintId}`)
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(res.body.clocks).toHaveLength(1);
  });
});
