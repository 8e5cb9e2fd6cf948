import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer, deliver } from '@complaints/testing';
import {
  dataSourceOf,
  envelopeOf,
  eventuallyRecords,
  generalAppComplaint,
  markerReopen,
  newCustomerHash,
  receivedEvent,
  recordsOf,
  reopenedEvent,
  useClassificationService,
} from './complaint-events';

describe('classification consumes complaint.received and complaint.reopened from the real broker', () => {
  const harness = useClassificationService();

  it('gives exactly one complaint.classified for a complaint.received delivered twice', async () => {
    // Given the example card-fraud complaint.received, delivered twice
    const received = receivedEvent();
    const complaintId = received.subject;
    await deliver(harness.probe, received, 2);

    // Then one classification is published, caused by it, by the rule set in force
    const [classified] = await eventuallyRecords(harness, complaintId, 'complaint.classified');
    expect(envelopeOf(classified).causationid).toBe(received.id);
    expect(envelopeOf(classified).data).toMatchObject({
      complaintId,
      category: 'account-and-transaction',
      subcategory: 'unauthorised-transaction',
      urgency: 'urgent',
      priority: 'P1',
      ruleSetVersion: '2026.11-2',
      revision: 1,
    });

    // When a later event for the same complaint has been handled (same key: same partition, in order)
    await deliver(harness.probe, markerReopen(complaintId, 2));
    await eventuallyRecords(harness, complaintId, 'complaint.reclassified');

    // Then the duplicate produced nothing more: one event, one row, one audit entry
    expect(recordsOf(harness, complaintId, 'complaint.classified')).toHaveLength(1);
    const [{ rows, audits }] = await dataSourceOf(harness).query(
      `SELECT (SELECT count(*)::int FROM classification WHERE complaint_id = $1) AS rows,
              (SELECT count(*)::int FROM classification_audit WHERE complaint_id = $1 AND action = 'classified') AS audits`,
      [complaintId],
    );
    expect({ rows, audits }).toEqual({ rows: 1, audits: 1 });
  });

  it('explains a classification over the API, without the customer hash or the text', async () => {
    // Given a classified complaint
    const received = receivedEvent();
    await deliver(harness.probe, received);
    await eventuallyRecords(harness, received.subject, 'complaint.classified');

    // When an ops user asks why
    const res = await request(harness.service.app.getHttpServer())
      .get(`/v1/classifications/${received.subject}`)
      .set('authorization', await bearer(['ops:read']))
      .expect(200);

    // Then each rule that fired is listed with what it matched and what the rule does
    expect(res.body).toMatchObject({
      category: 'account-and-transaction',
      categoryName: { zh: '账户与交易', en: 'Account and transaction' },
      ruleSetVersion: '2026.11-2',
      revision: 1,
    });
    expect(res.body.matchedRules).toContainEqual({
      ruleId: 'signal.unauthorised-transaction',
      matched: '盗刷',
      description: expect.any(String),
      effect: { signal: 'unauthorised-transaction', urgency: 'urgent', risk: 'high' },
    });
    expect(res.body.history).toEqual([
      expect.objectContaining({
        revision: 1,
        action: 'classified',
        actor: { kind: 'system', id: 'classification' },
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain(received.data.customer.customerHash);
    expect(res.body).not.toHaveProperty('description');
  });

  it('marks a second complaint by the same customer within 30 days as a repeat, from its own projection', async () => {
    // Given a customer who complained ten days ago
    const customerHash = newCustomerHash();
    const first = receivedEvent({ customerHash, receivedAt: '2026-11-10T09:00:00.000Z' });
    await deliver(harness.probe, first);
    await eventuallyRecords(harness, first.subject, 'complaint.classified');

    // When the same customer complains again, and someone else complains too
    const repeat = generalAppComplaint({ customerHash, receivedAt: '2026-11-20T09:00:00.000Z' });
    const stranger = generalAppComplaint({ receivedAt: '2026-11-20T09:00:00.000Z' });
    await deliver(harness.probe, repeat);
    await deliver(harness.probe, stranger);

    // Then only the repeat complaint carries the signal, and its risk is raised
    const [repeated] = await eventuallyRecords(harness, repeat.subject, 'complaint.classified');
    expect(envelopeOf(repeated).data).toMatchObject({
      signals: expect.arrayContaining(['repeat-complainant']),
      risk: 'medium',
      priority: 'P3',
    });
    const [other] = await eventuallyRecords(harness, stranger.subject, 'complaint.classified');
    expect(envelopeOf(other).data).toMatchObject({ signals: [], priority: 'P4' });
  });

  it('assesses a reopened complaint again: one complaint.reclassified even when the reopen is delivered twice', async () => {
    // Given a general, low-risk complaint
    const received = generalAppComplaint();
    const complaintId = received.subject;
    await deliver(harness.probe, received);
    await eventuallyRecords(harness, complaintId, 'complaint.classified');

    // When it is reopened, and the reopen is delivered twice
    const reopened = reopenedEvent(complaintId, 5, 'The app still crashes after the fix.');
    await deliver(harness.probe, reopened, 2);

    // Then it is reclassified once: the reopen is a signal that raises risk
    const [reclassified] = await eventuallyRecords(harness, complaintId, 'complaint.reclassified');
    expect(envelopeOf(reclassified).causationid).toBe(reopened.id);
    expect(envelopeOf(reclassified).data).toMatchObject({
      category: 'system-and-technical',
      risk: 'medium',
      priority: 'P3',
      revision: 2,
      signals: ['reopened-complaint'],
      previous: { category: 'system-and-technical', urgency: 'general', risk: 'low', priority: 'P4' },
      actor: { kind: 'system', id: 'classification' },
      reason: expect.stringContaining('reopened'),
    });

    // And after a later event on the same key has been handled, there is still exactly one from that reopen
    await deliver(harness.probe, markerReopen(complaintId, 6));
    await eventuallyRecords(harness, complaintId, 'complaint.reclassified', 2);
    const revisions = recordsOf(harness, complaintId, 'complaint.reclassified').map(
      (r) => envelopeOf<{ revision: number }>(r).data.revision,
    );
    expect(revisions).toEqual([2, 3]);
  });

  it('emits nothing when a reopen does not change the result', async () => {
    // Given a complaint that is already urgent and high risk
    const received = receivedEvent();
    const complaintId = received.subject;
    await deliver(harness.probe, received);
    await eventuallyRecords(harness, complaintId, 'complaint.classified');

    // When it is reopened without new facts, then with a new unauthorised transaction, then with identity theft
    await deliver(harness.probe, reopenedEvent(complaintId, 5));
    await deliver(harness.probe, reopenedEvent(complaintId, 6, 'Another 盗刷 charge appeared.'));
    await deliver(harness.probe, markerReopen(complaintId, 7));

    // Then the first two changed nothing (urgent, high, P1 already): the only reclassification is the third's
    const [reclassified] = await eventuallyRecords(harness, complaintId, 'complaint.reclassified');
    expect(envelopeOf(reclassified).data).toMatchObject({
      category: 'information-security',
      revision: 2,
      previous: { category: 'account-and-transaction', urgency: 'urgent', risk: 'high', priority: 'P1' },
    });
    const [{ n }] = await dataSourceOf(harness).query(
      'SELECT count(*)::int AS n FROM complaint_reopen WHERE complaint_id = $1',
      [complaintId],
    );
    expect(n).toBe(3);
  });

  it('applies a reopen that arrives before the complaint.received it follows', async () => {
    // Given a reopen delivered before the complaint itself (a replay, or a consumer that fell behind)
    const complaintId = randomUUID();
    await deliver(harness.probe, reopenedEvent(complaintId, 3, 'Still not fixed.'));
    await deliver(harness.probe, generalAppComplaint({ complaintId }));

    // Then the first classification already counts the reopen, and there is nothing to reclassify
    const [classified] = await eventuallyRecords(harness, complaintId, 'complaint.classified');
    expect(envelopeOf(classified).data).toMatchObject({ signals: ['reopened-complaint'], risk: 'medium' });
    await deliver(harness.probe, markerReopen(complaintId, 4));
    await eventuallyRecords(harness, complaintId, 'complaint.reclassified');
    expect(
      envelopeOf<{ previous: { risk: string } }>(recordsOf(harness, complaintId, 'complaint.reclassified')[0])
        .data.previous.risk,
    ).toBe('medium');
  });

  it('answers 404 problem+json for a complaint it has not classified', async () => {
    const res = await request(harness.service.app.getHttpServer())
      .get(`/v1/classifications/${randomUUID()}`)
      .set('authorization', await bearer(['ops:read']))
      .expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
