import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TOPICS } from '@complaints/contracts';
import {
  bearer,
  createTestDatabase,
  eventually,
  TestDatabase,
  testInfra,
  TopicProbe,
} from '@complaints/testing';
import { INTAKE_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { INTAKE_SCHEMA } from '../../src/intake.module';
import { fileComplaint, intakeKeys, startIntake } from '../intake-under-test';

describe('complaint lifecycle over HTTP, with events on the real broker', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let probe: TopicProbe;
  let agent: string;

  beforeAll(async () => {
    db = await createTestDatabase('intake_lifecycle');
    const url = await db.prepareSchema(INTAKE_SCHEMA, INTAKE_MIGRATIONS);
    probe = await new TopicProbe(testInfra().brokers, [TOPICS.intakeLifecycle]).start();
    app = await startIntake(url, intakeKeys());
    agent = await bearer(['lifecycle:write', 'complaints:read'], 'agent-desktop', 'agent-007');
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
    await db?.drop();
  });

  const act = (id: string, transition: string, body: object = {}, token = agent) =>
    request(app.getHttpServer())
      .post(`/v1/complaints/${id}/${transition}`)
      .set('authorization', token)
      .send(body);

  it('walks a complaint from received to closed; each step is audited and announced, in order, with its version', async () => {
    // Given a received complaint
    const { id } = await fileComplaint(app);

    // When an agent takes it through the whole lifecycle
    await act(id, 'acknowledge', { note: 'calling the customer' }).expect(200);
    await act(id, 'request-info', { informationRequested: 'the card statement for November' }).expect(200);
    await act(id, 'customer-reply', { note: 'statement received' }).expect(200);
    await act(id, 'resolve', {
      outcome: 'upheld',
      resolutionSummary: 'refunded 12000 CNY',
      remedy: 'refund',
    }).expect(200);
    await act(id, 'feedback', { satisfaction: 5, comment: '处理很快' }).expect(200);
    const closed = await act(id, 'close').expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', previousStatus: 'resolved', version: 7 });

    // Then the wire carries every lifecycle event for it, in order, each with the next version
    const types = [
      'complaint.received',
      'complaint.acknowledged',
      'complaint.awaiting-customer',
      'complaint.customer-replied',
      'complaint.resolved',
      'complaint.feedback-received',
      'complaint.closed',
    ];
    const events = await eventually(() => {
      const seen = probe.records
        .filter((r) => r.key === id)
        .map((r) => r.value as { type: string; data: Record<string, unknown> });
      expect(seen.map((e) => e.type)).toEqual(types);
      return seen;
    });
    expect(events.map((e) => e.data['version'])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(events[1].data).toMatchObject({
      status: 'acknowledged',
      previousStatus: 'received',
      actor: { kind: 'staff', id: 'agent-007' },
    });
    expect(events[4].data).toMatchObject({ outcome: 'upheld', resolutionSummary: 'refunded 12000 CNY' });
    expect(events[5].data).toMatchObject({ satisfaction: 5, status: 'resolved', previousStatus: 'resolved' });

    // And the audit trail says who did what, when, from, to and why
    const audit = await request(app.getHttpServer())
      .get(`/v1/complaints/${id}/audit`)
      .set('authorization', agent)
      .expect(200);
    expect(
      audit.body.entries.map((e: { transition: string; from: string | null; to: string }) => [
        e.transition,
        e.from,
        e.to,
      ]),
    ).toEqual([
      ['register', null, 'received'],
      ['acknowledge', 'received', 'acknowledged'],
      ['request-info', 'acknowledged', 'awaiting-customer'],
      ['customer-reply', 'awaiting-customer', 'customer-replied'],
      ['resolve', 'customer-replied', 'resolved'],
      ['feedback', 'resolved', 'resolved'],
      ['close', 'resolved', 'closed'],
    ]);
    expect(audit.body.entries[2]).toMatchObject({
      actor: 'agent-007',
      reason: 'the card statement for November',
    });
  });

  it('refuses an illegal transition with 409, the current status and what is allowed, and changes nothing', async () => {
    const { id } = await fileComplaint(app);
    const res = await act(id, 'resolve', { outcome: 'rejected', resolutionSummary: 'no' }).expect(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      currentStatus: 'received',
      allowed: ['acknowledge', 'withdraw', 'extend-deadline'],
    });
    const audit = await request(app.getHttpServer())
      .get(`/v1/complaints/${id}/audit`)
      .set('authorization', agent)
      .expect(200);
    expect(audit.body.entries).toHaveLength(1);
  });

  it('extends the regulatory deadline with its reason and approver, only forwards', async () => {
    const { id } = await fileComplaint(app);
    const body = { reason: 'needs the merchant acquirer report', newTotalDays: 30, approver: 'manager-12' };
    await act(id, 'extend-deadline', body).expect(200);
    const again = await act(id, 'extend-deadline', body).expect(409);
    expect(again.body.detail).toContain('already 30 days');
    const event = await eventually(() => {
      const found = probe.records.find(
        (r) => r.key === id && r.headers['ce_type'] === 'complaint.deadline-extended',
      );
      if (!found) throw new Error('no deadline-extended yet');
      return found.value as { data: Record<string, unknown> };
    });
    expect(event.data).toMatchObject({
      newTotalDays: 30,
      approver: { kind: 'staff', id: 'manager-12' },
      reason: body.reason,
    });
  });

  it('serialises concurrent transitions on one complaint: one acknowledge wins, the other is 409', async () => {
    const { id } = await fileComplaint(app);
    const results = await Promise.all([
      act(id, 'acknowledge'),
      act(id, 'acknowledge'),
      act(id, 'acknowledge'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('needs lifecycle:write (a channel token may not resolve), answers 404 for an unknown complaint and 400 for bad input', async () => {
    const { id } = await fileComplaint(app);
    await act(id, 'acknowledge', {}, await bearer(['complaints:write'])).expect(403);
    await act(randomUUID(), 'acknowledge').expect(404);
    const bad = await act(id, 'feedback', { satisfaction: 9, extra: 1 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'satisfaction']);
  });
});
