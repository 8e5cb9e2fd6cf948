import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer, deliver } from '@complaints/testing';
import {
  envelopeOf,
  eventuallyRecords,
  generalAppComplaint,
  recordsOf,
  useClassificationService,
} from './complaint-events';

describe("an agent's override of a classification", () => {
  const harness = useClassificationService();
  const http = () => request(harness.service.app.getHttpServer());

  /** A general P4 complaint, classified and on the wire. */
  async function classifiedComplaint(): Promise<string> {
    const received = generalAppComplaint();
    await deliver(harness.probe, received);
    await eventuallyRecords(harness, received.subject, 'complaint.classified');
    return received.subject;
  }

  it('changes what sla-timer receives next: complaint.reclassified follows complaint.classified on the same key', async () => {
    // Given a complaint the rules rated general and low risk (P4)
    const complaintId = await classifiedComplaint();

    // When an agent overrides it to an urgent, high-risk unauthorised transaction
    const res = await http()
      .post(`/v1/classifications/${complaintId}/override`)
      .set('authorization', await bearer(['lifecycle:write'], 'agent-desktop', 'agent-0042'))
      .set('x-correlation-id', 'override-test-1')
      .send({
        category: 'account-and-transaction',
        subcategory: 'unauthorised-transaction',
        urgency: 'urgent',
        risk: 'high',
        reason: 'The customer says the crash happened during a payment they did not make.',
        expectedRevision: 1,
      })
      .expect(200);
    expect(res.body).toMatchObject({ revision: 2, urgency: 'urgent', priority: 'P1' });

    // Then complaint.reclassified is on the wire with the new urgency and priority, after the classification
    const [reclassified] = await eventuallyRecords(harness, complaintId, 'complaint.reclassified');
    const [classified] = recordsOf(harness, complaintId, 'complaint.classified');
    expect(reclassified.partition).toBe(classified.partition);
    expect(BigInt(reclassified.offset)).toBeGreaterThan(BigInt(classified.offset));
    expect(envelopeOf(reclassified)).toMatchObject({
      correlationid: 'override-test-1',
      data: {
        complaintId,
        category: 'account-and-transaction',
        subcategory: 'unauthorised-transaction',
        urgency: 'urgent',
        risk: 'high',
        priority: 'P1',
        confidence: 1,
        revision: 2,
        previous: { category: 'system-and-technical', urgency: 'general', risk: 'low', priority: 'P4' },
        actor: { kind: 'staff', id: 'agent-0042' },
        reason: 'The customer says the crash happened during a payment they did not make.',
      },
    });

    // And the override is audited with who, why, before and after
    const explained = await http()
      .get(`/v1/classifications/${complaintId}`)
      .set('authorization', await bearer(['complaints:read']))
      .expect(200);
    expect(explained.body.overriddenByAgent).toEqual({
      category: 'account-and-transaction',
      subcategory: 'unauthorised-transaction',
      urgency: 'urgent',
      risk: 'high',
    });
    expect(explained.body.history[1]).toMatchObject({
      revision: 2,
      action: 'overridden',
      actor: { kind: 'staff', id: 'agent-0042' },
      reason: expect.stringContaining('did not make'),
      before: { priority: 'P4' },
      after: { priority: 'P1' },
    });
  });

  it('refuses a stale revision and an override that changes nothing with 409, and publishes nothing', async () => {
    const complaintId = await classifiedComplaint();
    const agent = await bearer(['lifecycle:write']);

    const stale = await http()
      .post(`/v1/classifications/${complaintId}/override`)
      .set('authorization', agent)
      .send({ urgency: 'urgent', reason: 'urgent', expectedRevision: 7 })
      .expect(409);
    expect(stale.body).toMatchObject({ currentRevision: 1 });
    expect(stale.body.type).toContain('revision-conflict');

    const same = await http()
      .post(`/v1/classifications/${complaintId}/override`)
      .set('authorization', agent)
      .send({ urgency: 'general', risk: 'low', reason: 'no change' })
      .expect(409);
    expect(same.headers['content-type']).toContain('application/problem+json');
    expect(same.body.type).toContain('nothing-to-change');

    // A real override after them is revision 2: the refused ones wrote nothing
    await http()
      .post(`/v1/classifications/${complaintId}/override`)
      .set('authorization', agent)
      .send({ risk: 'medium', reason: 'the customer is upset' })
      .expect(200);
    const [reclassified] = await eventuallyRecords(harness, complaintId, 'complaint.reclassified');
    expect(envelopeOf(reclassified).data).toMatchObject({ revision: 2, risk: 'medium', priority: 'P3' });
  });

  it('answers 400 problem+json listing every field error, including categories the taxonomy does not know', async () => {
    const complaintId = await classifiedComplaint();
    const agent = await bearer(['lifecycle:write']);

    const malformed = await http()
      .post(`/v1/classifications/${complaintId}/override`)
      .set('authorization', agent)
      .send({ category: 'crypto', urgency: 'soon', risk: 'extreme', expectedRevision: 0, surprise: true })
      .expect(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect((malformed.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'category',
      'expectedRevision',
      'reason',
      'risk',
      'surprise',
      'urgency',
    ]);

    const wrongSubcategory = await http()
      .post(`/v1/classifications/${complaintId}/override`)
      .set('authorization', agent)
      .send({ subcategory: 'unauthorised-transaction', reason: 'wrong' })
      .expect(400);
    expect(wrongSubcategory.body.errors).toEqual([
      {
        field: 'subcategory',
        messages: ['unknown subcategory unauthorised-transaction of system-and-technical'],
      },
    ]);
  });

  it('needs lifecycle:write, and a classification to override', async () => {
    const complaintId = await classifiedComplaint();
    await http()
      .post(`/v1/classifications/${complaintId}/override`)
      .set('authorization', await bearer(['ops:read']))
      .send({ urgency: 'urgent', reason: 'x' })
      .expect(403);
    await http()
      .post(`/v1/classifications/${complaintId}/override`)
      .send({ urgency: 'urgent', reason: 'x' })
      .expect(401);
    const missing = await http()
      .post(`/v1/classifications/${randomUUID()}/override`)
      .set('authorization', await bearer(['lifecycle:write']))
      .send({ urgency: 'urgent', reason: 'x' })
      .expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});
