import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { deliver, eventually, FakeClock } from '@complaints/testing';
import { FireAcknowledgementTimersService } from '../../src/application/fire-acknowledgement-timers.service';
import {
  breached,
  classified,
  eventuallyOutbox,
  http,
  outboxEvents,
  useEscalationHarness,
} from '../escalation-under-test';

const MINUTE = 60_000;

describe('acknowledgement windows: an unacknowledged escalation climbs on time, exactly once (fake clock)', () => {
  const clock = new FakeClock('2026-12-04T08:00:00.000Z');
  const harness = useEscalationHarness('escalation_timers', clock);
  const api = http(harness);
  const timers = () => harness.service.app.get(FireAcknowledgementTimersService);
  const timerRows = async (complaintId: string): Promise<{ due_at: Date }[]> =>
    harness.service.app
      .get(DataSource)
      .query(`SELECT due_at FROM escalation_timer WHERE complaint_id = $1`, [complaintId]);

  /** A technical complaint escalated to L2 by a breach at the clock's current time; returns the escalation. */
  async function escalatedToL2(): Promise<{
    complaintId: string;
    escalationId: string;
    acknowledgeBy: Date;
  }> {
    const complaintId = randomUUID();
    await deliver(harness.probe, classified(complaintId));
    await deliver(harness.probe, breached(complaintId));
    const [escalated] = await eventuallyOutbox(harness, complaintId, 'complaint.escalated', 1);
    await eventually(async () => expect(await timerRows(complaintId)).toHaveLength(1));
    return {
      complaintId,
      escalationId: escalated.data['escalationId'] as string,
      acknowledgeBy: new Date(escalated.data['acknowledgeBy'] as string),
    };
  }

  it('escalates again to L3 when L2 leaves the escalation unacknowledged past its window, not a moment before', async () => {
    // Given an escalation to L2 at 08:00 with L2's 30-minute window (the seeded matrix)
    clock.set('2026-12-04T08:00:00.000Z');
    const { complaintId, escalationId, acknowledgeBy } = await escalatedToL2();
    expect(acknowledgeBy).toEqual(new Date('2026-12-04T08:30:00.000Z'));

    // When the clock reaches one second before the window ends
    clock.set(new Date(acknowledgeBy.getTime() - 1000));
    // Then a pass leaves its timer alone and nothing escalates again
    await timers().fireDue();
    expect(await timerRows(complaintId)).toHaveLength(1);
    expect(await outboxEvents(harness, complaintId, 'complaint.escalated')).toHaveLength(1);

    // When the window ends
    clock.set(acknowledgeBy);

    // Then the scheduler escalates to L3 (the consumer-protection department) with L3's 60-minute window
    const [, again] = await eventuallyOutbox(harness, complaintId, 'complaint.escalated', 2);
    expect(again.data).toMatchObject({
      fromLevel: 'L2',
      toLevel: 'L3',
      team: 'consumer-protection',
      trigger: 'not-acknowledged',
      previousEscalationId: escalationId,
      escalatedAt: '2026-12-04T08:30:00.000Z',
      acknowledgeBy: '2026-12-04T09:30:00.000Z',
    });
    // And it continues the flow of the breach that started it
    const [first] = await outboxEvents(harness, complaintId, 'complaint.escalated');
    expect(again.correlationid).toBe(first.correlationid);
    const superseded = await api.get(`/v1/escalations/${escalationId}`);
    expect(superseded.body).toMatchObject({ state: 'superseded' });
    expect(await timerRows(complaintId)).toEqual([{ due_at: new Date('2026-12-04T09:30:00.000Z') }]);
  });

  it('fires each due timer once when several passes race for them', async () => {
    // Given five escalations whose windows end at the same time
    clock.set('2026-12-05T10:00:00.000Z');
    const complaints = [];
    for (let i = 0; i < 5; i++) complaints.push(await escalatedToL2());

    // When their windows end and three passes run at once (besides the scheduler's own)
    clock.advance(30 * MINUTE);
    await Promise.all([timers().fireDue(), timers().fireDue(), timers().fireDue()]);

    // Then every complaint went up exactly once more
    for (const { complaintId } of complaints) {
      const escalations = await eventuallyOutbox(harness, complaintId, 'complaint.escalated', 2);
      expect(escalations.map((e) => e.data['toLevel'])).toEqual(['L2', 'L3']);
    }
  });

  it('does not escalate an escalation acknowledged within its window', async () => {
    // Given an escalation to L2, acknowledged ten minutes in
    clock.set('2026-12-06T10:00:00.000Z');
    const { complaintId, escalationId } = await escalatedToL2();
    clock.advance(10 * MINUTE);
    expect((await api.post(`/v1/escalations/${escalationId}/acknowledge`, {})).status).toBe(200);

    // When its window ends and the timer comes due
    clock.advance(25 * MINUTE);
    await timers().fireDue();
    await eventually(async () => expect(await timerRows(complaintId)).toEqual([]));

    // Then nothing escalated again
    expect(await outboxEvents(harness, complaintId, 'complaint.escalated')).toHaveLength(1);
    expect((await api.get(`/v1/escalations/${escalationId}`)).body).toMatchObject({ state: 'acknowledged' });
  });

  it('stops at the top level: an L4 escalation left unacknowledged is overdue, not escalated further', async () => {
    // Given an escalation that climbed L2 -> L3 -> L4 unacknowledged
    clock.set('2026-12-07T10:00:00.000Z');
    const { complaintId } = await escalatedToL2();
    clock.advance(30 * MINUTE);
    await eventuallyOutbox(harness, complaintId, 'complaint.escalated', 2);
    clock.advance(60 * MINUTE);
    const [, , toL4] = await eventuallyOutbox(harness, complaintId, 'complaint.escalated', 3);
    expect(toL4.data).toMatchObject({ toLevel: 'L4', team: 'senior-management-and-compliance' });

    // Then L4's escalation has no timer, and past its window it shows as overdue
    expect(await timerRows(complaintId)).toEqual([]);
    clock.advance(241 * MINUTE);
    const listed = await api.get(`/v1/escalations?complaintId=${complaintId}&state=open`);
    expect(listed.body.items).toEqual([expect.objectContaining({ level: 'L4', overdue: true })]);
  });
});
