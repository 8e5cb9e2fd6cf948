import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EXAMPLE_EVENTS } from '@complaints/contracts';
import { deliver, eventually, freshEvent } from '@complaints/testing';
import {
  breached,
  classified,
  eventuallyOutbox,
  http,
  lifecycle,
  outboxEvents,
  useEscalationHarness,
} from '../escalation-under-test';

describe('escalation on SLA breaches, acknowledgements and the lifecycle (real broker and database)', () => {
  const harness = useEscalationHarness('escalation_breach');
  const api = http(harness);

  /** A classified technical complaint, assigned to technology at L1. */
  async function assignedComplaint(): Promise<string> {
    const complaintId = randomUUID();
    await deliver(harness.probe, classified(complaintId));
    await eventuallyOutbox(harness, complaintId, 'complaint.assigned', 1);
    return complaintId;
  }

  /** Waits until an sla.warning delivered after other SLA events was handled: those before it were too. */
  async function afterSlaEventsOf(complaintId: string): Promise<void> {
    const example = EXAMPLE_EVENTS['sla.warning'];
    const occurredAt = new Date().toISOString();
    await deliver(
      harness.probe,
      freshEvent({ ...example, subject: complaintId, data: { ...example.data, complaintId, occurredAt } }),
    );
    await eventually(async () => {
      const res = await api.get(`/v1/assignments?complaintId=${complaintId}`);
      expect(res.body.items[0].lastWarning).toMatchObject({ occurredAt });
    });
  }

  it('escalates one breach delivered twice exactly once, with the reason and the breached clock', async () => {
    // Given an assigned technical complaint
    const complaintId = await assignedComplaint();

    // When its first-response breach is delivered twice, and once more under another event id (a re-fired timer)
    const clockId = randomUUID();
    const breach = breached(complaintId, { clockId });
    await deliver(harness.probe, breach, 2);
    await deliver(harness.probe, breached(complaintId, { clockId }));
    await afterSlaEventsOf(complaintId);

    // Then exactly one complaint.escalated was committed and published: L1 -> L2, technology's team lead
    const [escalated] = await eventuallyOutbox(harness, complaintId, 'complaint.escalated', 1);
    expect(escalated.data).toMatchObject({
      complaintId,
      fromLevel: 'L1',
      toLevel: 'L2',
      team: 'technology',
      trigger: 'sla-breached',
      breachedClock: 'first-response',
      reason: expect.stringContaining('first-response'),
      matrixVersion: '1',
    });
    expect(escalated.causationid).toBe(breach.id);
    const onTheWire = await eventually(() => {
      const found = harness.probe.records.filter(
        (r) => r.key === complaintId && (r.value as { type: string }).type === 'complaint.escalated',
      );
      expect(found).toHaveLength(1);
      return found[0].value as { data: Record<string, unknown> };
    });
    expect(onTheWire.data['escalationId']).toBe(escalated.data['escalationId']);

    // And the escalation is listed, open, for the team and level; the owner moved to L2
    const listed = await api.get(
      `/v1/escalations?team=technology&level=L2&state=open&complaintId=${complaintId}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: escalated.data['escalationId'], state: 'open', overdue: false }),
    ]);
    const owner = await api.get(`/v1/assignments?complaintId=${complaintId}`);
    expect(owner.body.items[0]).toMatchObject({ team: 'technology', level: 'L2', routedTeam: 'technology' });
  });

  it('keeps a breach that arrives before the classification and escalates once the complaint is routed', async () => {
    // Given a breach for a complaint escalation has not seen classified
    const complaintId = randomUUID();
    await deliver(harness.probe, breached(complaintId));
    await eventually(async () => {
      const [row] = await harness.service.app
        .get(DataSource)
        .query(`SELECT jsonb_array_length(pending) AS waiting FROM complaint_case WHERE complaint_id = $1`, [
          complaintId,
        ]);
      expect(row?.waiting).toBe(1);
    });
    expect(await outboxEvents(harness, complaintId)).toEqual([]);

    // When the classification arrives
    await deliver(harness.probe, classified(complaintId));

    // Then the complaint is assigned at L1 and escalated to L2 for the breach, in that order
    const events = await eventually(async () => {
      const found = await outboxEvents(harness, complaintId);
      expect(found.map((e) => e.type)).toEqual(['complaint.assigned', 'complaint.escalated']);
      return found;
    });
    expect(events[1].data).toMatchObject({ fromLevel: 'L1', toLevel: 'L2', trigger: 'sla-breached' });
  });

  it('acknowledges an open escalation once: audited, announced, and a second time is a conflict', async () => {
    // Given an open escalation
    const complaintId = await assignedComplaint();
    await deliver(harness.probe, breached(complaintId));
    const [escalated] = await eventuallyOutbox(harness, complaintId, 'complaint.escalated', 1);
    const escalationId = escalated.data['escalationId'] as string;

    // When the team lead acknowledges it
    const res = await api.post(`/v1/escalations/${escalationId}/acknowledge`, {
      note: 'Calling the customer now.',
    });

    // Then it is acknowledged by the caller from the token, and escalation.acknowledged is on the wire
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: escalationId,
      state: 'acknowledged',
      acknowledgedBy: 'staff-10388',
    });
    const [event] = await eventuallyOutbox(harness, complaintId, 'escalation.acknowledged', 1);
    expect(event.data).toMatchObject({
      escalationId,
      level: 'L2',
      acknowledgedBy: { kind: 'staff', id: 'staff-10388' },
    });
    const audit = await harness.service.app
      .get(DataSource)
      .query(
        `SELECT actor, client_id, note, from_state, to_state FROM escalation_audit WHERE escalation_id = $1`,
        [escalationId],
      );
    expect(audit).toEqual([
      {
        actor: 'staff-10388',
        client_id: 'agent-desktop',
        note: 'Calling the customer now.',
        from_state: 'open',
        to_state: 'acknowledged',
      },
    ]);

    // And acknowledging it again is 409 with the state it is in
    const again = await api.post(`/v1/escalations/${escalationId}/acknowledge`, {});
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body).toMatchObject({ currentState: 'acknowledged' });
  });

  it('refuses an acknowledgement without the lifecycle scope, for an unknown escalation, or with a bad body', async () => {
    const unknown = randomUUID();
    expect((await api.post(`/v1/escalations/${unknown}/acknowledge`, {}, ['ops:read'])).status).toBe(403);
    expect((await api.post(`/v1/escalations/${unknown}/acknowledge`, {})).status).toBe(404);
    const bad = await api.post(`/v1/escalations/${unknown}/acknowledge`, { note: '', by: 'someone-else' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['by', 'note']);
  });

  it('closes the open escalation when the complaint is resolved, and takes a reopened complaint up one level', async () => {
    // Given an open escalation at L2
    const complaintId = await assignedComplaint();
    await deliver(harness.probe, breached(complaintId));
    const [first] = await eventuallyOutbox(harness, complaintId, 'complaint.escalated', 1);

    // When the complaint is resolved
    await deliver(harness.probe, lifecycle('complaint.resolved', complaintId, { version: 5 }));

    // Then the escalation closes
    await eventually(async () => {
      const res = await api.get(`/v1/escalations/${first.data['escalationId']}`);
      expect(res.body).toMatchObject({ state: 'closed', closedReason: 'complaint resolved' });
    });

    // When it is reopened, and a stale copy of an older reopening arrives too
    await deliver(harness.probe, lifecycle('complaint.reopened', complaintId, { version: 6 }));
    await deliver(harness.probe, lifecycle('complaint.reopened', complaintId, { version: 4 }));
    await deliver(
      harness.probe,
      lifecycle('complaint.feedback-received', complaintId, { version: 7, status: 'reopened' }),
    );

    // Then it goes up once more, from L2 to L3 (the consumer-protection department), for the newer reopening only
    await eventually(async () => {
      const [row] = await harness.service.app
        .get(DataSource)
        .query(`SELECT lifecycle_version FROM complaint_case WHERE complaint_id = $1`, [complaintId]);
      expect(row.lifecycle_version).toBe(7);
    });
    const escalations = await eventuallyOutbox(harness, complaintId, 'complaint.escalated', 2);
    expect(escalations[1].data).toMatchObject({
      fromLevel: 'L2',
      toLevel: 'L3',
      team: 'consumer-protection',
      trigger: 'reopened',
    });
  });

  it('lists escalations page by page and rejects a bad query with every field error', async () => {
    const firstPage = await api.get('/v1/escalations?limit=1');
    expect(firstPage.status).toBe(200);
    expect(firstPage.body.items).toHaveLength(1);
    const secondPage = await api.get(`/v1/escalations?limit=1&cursor=${firstPage.body.nextCursor}`);
    expect(secondPage.body.items[0].id).not.toBe(firstPage.body.items[0].id);

    const bad = await api.get('/v1/escalations?level=L9&state=lost&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'level',
      'limit',
      'state',
    ]);
    expect((await api.get('/v1/escalations?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await api.get('/v1/escalations', ['complaints:write'])).status).toBe(403);
  });
});
