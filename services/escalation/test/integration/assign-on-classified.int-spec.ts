import { randomUUID } from 'node:crypto';
import { EXAMPLE_EVENTS } from '@complaints/contracts';
import { deliver, freshEvent, theOnlyRecord } from '@complaints/testing';
import { classified, eventuallyOutbox, http, useEscalationHarness } from '../escalation-under-test';

describe('escalation routes classified complaints on the real broker', () => {
  const harness = useEscalationHarness('escalation');
  const api = http(harness);

  function reclassified(
    complaintId: string,
    revision: number,
    category: 'system-and-technical' | 'information-security',
  ) {
    const example = EXAMPLE_EVENTS['complaint.reclassified'];
    return freshEvent({
      ...example,
      subject: complaintId,
      data: { ...example.data, complaintId, revision, category, risk: 'low', signals: [], vulnerable: [] },
    });
  }

  it('assigns a technical complaint classified twice to the technology team exactly once', async () => {
    // Given a technical complaint
    const complaintId = randomUUID();
    // When its classification is delivered twice
    await deliver(harness.probe, classified(complaintId), 2);

    // Then one complaint.assigned is on the wire: technology, L1, by the seeded rule
    const assigned = (await theOnlyRecord(harness.probe, complaintId)).value as {
      data: Record<string, unknown>;
    };
    expect(assigned.data).toMatchObject({
      team: 'technology',
      level: 'L1',
      routingRuleId: 'technical-to-technology',
      matrixVersion: '1',
    });
    const res = await api.get(`/v1/assignments?complaintId=${complaintId}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ team: 'technology', level: 'L1' })]);
  });

  it('starts a high-risk complaint of a vulnerable customer at L2, and a regulator referral at L3', async () => {
    const vulnerable = randomUUID();
    await deliver(harness.probe, classified(vulnerable, { category: 'other', vulnerable: ['elderly'] }));
    const [first] = await eventuallyOutbox(harness, vulnerable, 'complaint.assigned', 1);
    expect(first.data).toMatchObject({ team: 'frontline', level: 'L2' });
    expect(first.data['reason']).toContain('vulnerable-customer');

    const referral = randomUUID();
    await deliver(harness.probe, classified(referral, { channel: 'regulator-referral', risk: 'high' }));
    const [second] = await eventuallyOutbox(harness, referral, 'complaint.assigned', 1);
    expect(second.data).toMatchObject({ team: 'consumer-protection', level: 'L3' });
  });

  it('moves a complaint when a newer classification routes it elsewhere, and ignores an older one', async () => {
    // Given a general complaint assigned to the frontline
    const complaintId = randomUUID();
    await deliver(harness.probe, classified(complaintId, { category: 'other' }));
    await eventuallyOutbox(harness, complaintId, 'complaint.assigned', 1);

    // When it is reclassified as technical (revision 2), then a stale revision 1 and a revision 3 arrive
    await deliver(harness.probe, reclassified(complaintId, 2, 'system-and-technical'));
    await deliver(harness.probe, classified(complaintId, { category: 'other', revision: 1 }));
    await deliver(harness.probe, reclassified(complaintId, 3, 'information-security'));

    // Then it moved twice, each time naming the owner it had, and the stale revision moved nothing
    const assigned = await eventuallyOutbox(harness, complaintId, 'complaint.assigned', 3);
    expect(assigned.map((e) => [e.data['team'], e.data['previousTeam']])).toEqual([
      ['frontline', undefined],
      ['technology', 'frontline'],
      ['information-security', 'technology'],
    ]);
  });

  it('rejects an invalid query with every field error', async () => {
    const res = await api.get('/v1/assignments?level=L9&limit=0');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['level', 'limit']);
  });
});
