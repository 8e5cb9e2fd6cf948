import { TOPICS } from '@complaints/contracts';
import { eventually, testInfra, TopicProbe } from '@complaints/testing';
import { Envelope, Journey, toldSorted } from './journey';
import { RunningStack } from './running-stack';
import { SharedTestClock } from './shared-test-clock';

const MINUTE = 60_000;

/**
 * Journeys that need time to pass: the five services run as separate processes on one shared test clock, which
 * the test moves forward instead of sleeping. Their schedulers re-check for due timers every 250 ms, so a move
 * takes effect within a second.
 */
describe('journeys where time passes (five processes, one shared test clock, real Kafka and Postgres)', () => {
  const clock = new SharedTestClock();
  const stack = new RunningStack({
    portBase: 4200,
    env: {
      TEST_CLOCK_FILE: clock.file,
      SLA_SCHEDULER_MAX_SLEEP_MS: '250',
      ACKNOWLEDGEMENT_TIMER_MAX_SLEEP_MS: '250',
    },
  });
  let probe: TopicProbe;
  let journey: Journey;

  beforeAll(async () => {
    probe = await new TopicProbe(testInfra().brokers, Object.values(TOPICS)).start();
    journey = new Journey(stack, probe);
    await stack.start();
  });

  afterAll(async () => {
    await stack.stop();
    await probe?.stop();
    clock.dispose();
  });

  const generalComplaint = (name: string, email: string) => ({
    channel: 'online-banking',
    customer: { name, email, segment: 'individual', preferredLanguage: 'en', contactPreference: 'email' },
    subject: 'Standing order paid twice',
    description:
      'My monthly standing order to my landlord was paid twice this month and I want it put right.',
  });

  /** Waits for the complaint to be classified, timed, assigned and acknowledged to the customer. */
  async function filedAndRouted(body: object): Promise<{ id: string; firstResponse: Envelope }> {
    const { id } = await journey.file(body);
    await eventually(() => {
      expect(journey.ofType(id, 'sla.started')).toHaveLength(3);
      expect(journey.ofType(id, 'complaint.assigned')).toHaveLength(1);
      expect(journey.told(id)).toEqual(
        toldSorted([
          ['complaint.received', 'customer'],
          ['complaint.assigned', 'assignee'],
        ]),
      );
    });
    const firstResponse = journey
      .ofType(id, 'sla.started')
      .find((e) => e.data['kind'] === 'first-response') as Envelope;
    return { id, firstResponse };
  }

  it('a complaint nobody touches: warnings at half and 80% of the first-response hour, a breach, escalation from L1 to L2, and the team lead and ops told', async () => {
    // Given a general complaint: first response due within the hour, assigned at L1
    const { id, firstResponse } = await filedAndRouted(
      generalComplaint('Nina Patel', 'nina.patel@example.com'),
    );
    expect(firstResponse.data).toMatchObject({ targetMinutes: 60, policyId: 'general/v1' });
    expect(journey.ofType(id, 'complaint.assigned')[0].data).toMatchObject({ level: 'L1' });
    const startedAt = new Date(String(firstResponse.data['startedAt'])).getTime();
    const dueAt = new Date(String(firstResponse.data['dueAt']));
    expect(dueAt.getTime() - startedAt).toBe(60 * MINUTE);

    // When nobody touches it for half the hour, then for 80% of it
    clock.moveTo(new Date(startedAt + 30 * MINUTE + 1000));
    await eventually(() => expect(warningsOf(id)).toEqual([0.5]));
    expect(journey.ofType(id, 'sla.breached')).toEqual([]);
    clock.moveTo(new Date(startedAt + 48 * MINUTE + 1000));
    await eventually(() => expect(warningsOf(id)).toEqual([0.5, 0.8]));
    expect(journey.ofType(id, 'sla.breached')).toEqual([]);
    expect(journey.ofType(id, 'complaint.escalated')).toEqual([]);

    // And the hour passes
    clock.moveTo(new Date(dueAt.getTime() + 1000));

    // Then the first-response clock breaches once, and escalation takes the complaint from L1 to L2 because of it
    const escalated = await eventually(() => {
      const [e] = journey.ofType(id, 'complaint.escalated');
      expect(e?.data).toMatchObject({
        fromLevel: 'L1',
        toLevel: 'L2',
        trigger: 'sla-breached',
        breachedClock: 'first-response',
      });
      return e;
    });
    const [breach] = journey.ofType(id, 'sla.breached');
    expect(breach.data).toMatchObject({ kind: 'first-response', dueAt: dueAt.toISOString() });
    expect(escalated.causationid).toBe(breach.id);
    expect(new Date(String(escalated.data['acknowledgeBy'])).getTime()).toBe(
      new Date(String(escalated.data['escalatedAt'])).getTime() + 30 * MINUTE,
    );

    // And the assignee, the team lead and ops hear of the breach; the team lead and management of the escalation
    await eventually(() =>
      expect(journey.told(id)).toEqual(
        toldSorted([
          ['complaint.received', 'customer'],
          ['complaint.assigned', 'assignee'],
          ['sla.warning', 'assignee'],
          ['sla.warning', 'assignee'],
          ['sla.breached', 'assignee'],
          ['sla.breached', 'team-lead'],
          ['sla.breached', 'ops'],
          ['complaint.escalated', 'team-lead'],
          ['complaint.escalated', 'management'],
        ]),
      ),
    );

    // And, once nothing is in flight, these are exactly the events on the wire about it, in order on each topic
    await journey.settled(id);
    expect(journey.typesOn(id, TOPICS.intakeLifecycle)).toEqual(['complaint.received']);
    expect(journey.typesOn(id, TOPICS.classificationResults)).toEqual(['complaint.classified']);
    expect(slaSequence(id)).toEqual([
      'sla.started:first-response',
      'sla.started:resolution',
      'sla.started:regulatory-decision',
      'sla.warning:first-response',
      'sla.warning:first-response',
      'sla.breached:first-response',
    ]);
    expect(journey.typesOn(id, TOPICS.escalationRouting)).toEqual([
      'complaint.assigned',
      'complaint.escalated',
    ]);
    expect(journey.ofType(id, 'notification.failed')).toEqual([]);
    expect(journey.wire(id)).not.toContain('nina.patel@example.com');

    // And every service's own state agrees
    expect(await stack.query('SELECT status FROM intake.complaint WHERE id = $1', [id])).toEqual([
      { status: 'received' },
    ]);
    // (a breached clock keeps running: the first response is still owed, and is met late when it comes)
    expect(
      await stack.query(
        `SELECT kind, state, breached_at IS NOT NULL AS breached FROM sla_timer.clock
          WHERE complaint_id = $1 ORDER BY kind`,
        [id],
      ),
    ).toEqual([
      { kind: 'first-response', state: 'running', breached: true },
      { kind: 'regulatory-decision', state: 'running', breached: false },
      { kind: 'resolution', state: 'running', breached: false },
    ]);
    expect(
      await stack.query(
        'SELECT from_level, to_level, trigger, state FROM escalation.escalation WHERE complaint_id = $1',
        [id],
      ),
    ).toEqual([{ from_level: 'L1', to_level: 'L2', trigger: 'sla-breached', state: 'open' }]);
    const deliveries = await stack.query<{ status: string }>(
      'SELECT status FROM notification.delivery WHERE complaint_id = $1',
      [id],
    );
    expect(deliveries.map((d) => d.status)).toEqual(Array(9).fill('sent'));

    // And the ops lead sees the breach and the open escalation through the APIs
    const breaches = await journey.opsGet<{ items: { complaintId: string; kind: string }[] }>(
      'sla-timer',
      '/v1/sla/breaches?kind=first-response',
    );
    expect(breaches.items.filter((b) => b.complaintId === id)).toEqual([
      expect.objectContaining({ kind: 'first-response' }),
    ]);
    const escalations = await journey.opsGet<{
      items: { complaintId: string; level: string; state: string }[];
    }>('escalation', `/v1/escalations?complaintId=${id}`);
    expect(escalations.items).toEqual([
      expect.objectContaining({ fromLevel: 'L1', level: 'L2', state: 'open', overdue: false }),
    ]);
  });

  it('a reopened complaint: reclassified, escalated one level, its clocks started again', async () => {
    // Given a general complaint, acknowledged and resolved
    const { id } = await filedAndRouted(generalComplaint('Omar Haddad', 'omar.haddad@example.com'));
    // (time moves on only once sla-timer has stopped the clocks: a clock still running when the test clock jumps
    // past its deadline breaches, as it would if sla-timer were hours behind)
    await journey.act(id, 'acknowledge');
    await eventually(() => expect(slaSequence(id)).toContain('sla.met:first-response'));
    clock.moveTo(new Date(clock.now().getTime() + 2 * 60 * MINUTE));
    await journey.act(id, 'resolve', {
      outcome: 'upheld',
      resolutionSummary: 'The duplicate payment was recalled.',
      remedy: 'refund',
    });
    await eventually(() =>
      expect(slaSequence(id)).toEqual(
        expect.arrayContaining(['sla.met:resolution', 'sla.met:regulatory-decision']),
      ),
    );
    // When the customer disagrees a day later
    clock.moveTo(new Date(clock.now().getTime() + 24 * 60 * MINUTE));
    await journey.act(id, 'reopen', { reason: 'The refund never arrived.' });

    const reopenedAt = clock.now().getTime();

    // Then classification assesses it again: a reopened complaint carries more risk
    const reclassified = await eventually(() => {
      const [e] = journey.ofType(id, 'complaint.reclassified');
      expect(e?.data).toMatchObject({
        risk: 'medium',
        priority: 'P3',
        signals: expect.arrayContaining(['reopened-complaint']),
        previous: expect.objectContaining({ risk: 'low', priority: 'P4' }),
      });
      return e;
    });
    const reopened = journey.ofType(id, 'complaint.reopened')[0];
    expect(reclassified.causationid).toBe(reopened.id);
    // And escalation takes it one level up, from L1 to L2, because it was reopened
    const escalated = await eventually(() => {
      const [e] = journey.ofType(id, 'complaint.escalated');
      expect(e?.data).toMatchObject({ fromLevel: 'L1', toLevel: 'L2', trigger: 'reopened' });
      return e;
    });
    expect(escalated.causationid).toBe(reopened.id);
    // And the resolution and regulatory clocks start a second cycle from the reopening; first response stays met
    await eventually(() => expect(slaSequence(id).length).toBe(8));
    const secondCycle = journey
      .ofType(id, 'sla.started')
      .filter((e) => e.data['cycle'] === 2)
      .map((e) => e.data);
    expect(secondCycle).toEqual([
      expect.objectContaining({ kind: 'resolution', trigger: 'reopened', targetMinutes: 72 * 60 }),
      expect.objectContaining({ kind: 'regulatory-decision', trigger: 'reopened' }),
    ]);
    for (const clockStart of secondCycle)
      expect(new Date(String(clockStart.startedAt)).getTime()).toBeCloseTo(reopenedAt, -4);
    // And the team lead and management hear of the escalation
    await eventually(() =>
      expect(journey.told(id)).toEqual(
        toldSorted([
          ['complaint.received', 'customer'],
          ['complaint.assigned', 'assignee'],
          ['complaint.resolved', 'customer'],
          ['complaint.escalated', 'team-lead'],
          ['complaint.escalated', 'management'],
        ]),
      ),
    );

    // And, once nothing is in flight, these are exactly the events on the wire about it, in order on each topic
    await journey.settled(id);
    expect(journey.typesOn(id, TOPICS.intakeLifecycle)).toEqual([
      'complaint.received',
      'complaint.acknowledged',
      'complaint.resolved',
      'complaint.reopened',
    ]);
    expect(journey.typesOn(id, TOPICS.classificationResults)).toEqual([
      'complaint.classified',
      'complaint.reclassified',
    ]);
    expect(slaSequence(id)).toEqual([
      'sla.started:first-response',
      'sla.started:resolution',
      'sla.started:regulatory-decision',
      'sla.met:first-response',
      'sla.met:resolution',
      'sla.met:regulatory-decision',
      'sla.started:resolution',
      'sla.started:regulatory-decision',
    ]);
    expect(journey.typesOn(id, TOPICS.escalationRouting)).toEqual([
      'complaint.assigned',
      'complaint.escalated',
    ]);
    expect(journey.ofType(id, 'notification.failed')).toEqual([]);

    // And every service's own state agrees
    expect(await stack.query('SELECT status FROM intake.complaint WHERE id = $1', [id])).toEqual([
      { status: 'reopened' },
    ]);
    expect(
      await stack.query('SELECT priority, risk FROM classification.classification WHERE complaint_id = $1', [
        id,
      ]),
    ).toEqual([{ priority: 'P3', risk: 'medium' }]);
    expect(
      await stack.query(
        'SELECT kind, cycle, state FROM sla_timer.clock WHERE complaint_id = $1 ORDER BY kind, cycle',
        [id],
      ),
    ).toEqual([
      { kind: 'first-response', cycle: 1, state: 'met' },
      { kind: 'regulatory-decision', cycle: 1, state: 'met' },
      { kind: 'regulatory-decision', cycle: 2, state: 'running' },
      { kind: 'resolution', cycle: 1, state: 'met' },
      { kind: 'resolution', cycle: 2, state: 'running' },
    ]);
    expect(
      await stack.query(
        'SELECT from_level, to_level, trigger, state FROM escalation.escalation WHERE complaint_id = $1',
        [id],
      ),
    ).toEqual([{ from_level: 'L1', to_level: 'L2', trigger: 'reopened', state: 'open' }]);
  });

  function warningsOf(id: string): number[] {
    return journey
      .ofType(id, 'sla.warning')
      .filter((e) => e.data['kind'] === 'first-response')
      .map((e) => Number(e.data['threshold']));
  }

  /**
   * The clock topic's events about a complaint, as type:kind, in order. One change that touches several clocks
   * announces them in the contract's order of clock kinds: first response, resolution, regulatory decision.
   */
  function slaSequence(id: string): string[] {
    return journey.events(id, TOPICS.slaClocks).map((e) => `${e.type}:${String(e.data['kind'])}`);
  }
});
