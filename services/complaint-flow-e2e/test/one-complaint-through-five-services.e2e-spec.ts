import { randomUUID } from 'node:crypto';
import { TOPICS } from '@complaints/contracts';
import { bearer, eventually, ObservedRecord, testInfra, TopicProbe } from '@complaints/testing';
import { Envelope, Journey, toldSorted } from './journey';
import { RunningStack } from './running-stack';

const EXPECTED_TYPES = [
  'complaint.received',
  'complaint.classified',
  // One clock per kind: first response, resolution and the regulatory decision deadline.
  'sla.started:first-response',
  'sla.started:resolution',
  'sla.started:regulatory-decision',
  'complaint.assigned',
  'notification.sent',
];

describe('one complaint through all five services (separate processes, real Kafka and Postgres)', () => {
  const stack = new RunningStack();
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
  });

  const asOps = async (): Promise<RequestInit> => ({
    headers: { authorization: await bearer(['ops:read'], 'ops-console') },
  });

  async function eventsOf(complaintId: string): Promise<Map<string, Envelope>> {
    return eventually(
      () => {
        const seen = new Map<string, Envelope>();
        for (const r of probe.records.filter((rec: ObservedRecord) => rec.key === complaintId)) {
          const envelope = r.value as Envelope;
          // Staff are told too (e.g. of the assignment); the journey follows the customer's acknowledgement.
          if (envelope.type === 'notification.sent' && envelope.data['audience'] !== 'customer') continue;
          const kind = envelope.type === 'sla.started' ? `:${String(envelope.data['kind'])}` : '';
          seen.set(`${envelope.type}${kind}`, envelope);
        }
        expect([...seen.keys()].sort()).toEqual([...EXPECTED_TYPES].sort());
        return seen;
      },
      { timeoutMs: 30000 },
    );
  }

  function expectCausalChain(events: Map<string, Envelope>): void {
    const get = (type: string) => events.get(type) as Envelope;
    const received = get('complaint.received');
    for (const type of EXPECTED_TYPES) expect(get(type).correlationid).toBe(received.correlationid);
    expect(get('complaint.classified').causationid).toBe(received.id);
    expect(get('notification.sent').causationid).toBe(received.id);
    expect(get('sla.started:first-response').causationid).toBe(get('complaint.classified').id);
    expect(get('complaint.assigned').causationid).toBe(get('complaint.classified').id);
  }

  /** Once nothing is in flight: exactly the intake flow's events about the complaint, each once, in order. */
  async function expectExactlyTheIntakeFlow(id: string): Promise<void> {
    await journey.settled(id);
    expect(journey.typesOn(id, TOPICS.intakeLifecycle)).toEqual(['complaint.received']);
    expect(journey.typesOn(id, TOPICS.classificationResults)).toEqual(['complaint.classified']);
    expect(journey.events(id, TOPICS.slaClocks).map((e) => `${e.type}:${String(e.data['kind'])}`)).toEqual([
      'sla.started:first-response',
      'sla.started:resolution',
      'sla.started:regulatory-decision',
    ]);
    expect(journey.typesOn(id, TOPICS.escalationRouting)).toEqual(['complaint.assigned']);
    expect(journey.told(id)).toEqual(
      toldSorted([
        ['complaint.received', 'customer'],
        ['complaint.assigned', 'assignee'],
      ]),
    );
    expect(journey.typesOn(id, TOPICS.notificationDeliveries)).toEqual([
      'notification.sent',
      'notification.sent',
    ]);
  }

  it('an urgent Chinese complaint about a stolen card: P1, risk control, 15-minute clock, SMS in Chinese', async () => {
    // When a phone-centre agent files it
    const { id, reference } = await journey.file({
      channel: 'phone',
      customer: {
        name: '李四',
        phone: '13912345678',
        segment: 'individual',
        vulnerable: ['elderly'],
        preferredLanguage: 'zh-CN',
        contactPreference: 'sms',
      },
      subject: '信用卡被盗刷',
      description: '我的信用卡昨天晚上被盗刷了两笔，共 12000 元，都不是我本人操作的，请立即处理。',
      amount: { value: '12000.00', currency: 'CNY' },
    });

    // Then every event of the flow is on the wire, in one causal chain, with no clear-text personal data
    const events = await eventsOf(id);
    expectCausalChain(events);
    await expectExactlyTheIntakeFlow(id);
    expect(events.get('complaint.classified')?.data).toMatchObject({
      category: 'account-and-transaction',
      urgency: 'urgent',
      priority: 'P1',
    });
    expect(events.get('sla.started:first-response')?.data).toMatchObject({ targetMinutes: 15 });
    expect(events.get('sla.started:resolution')?.data).toMatchObject({ targetMinutes: 24 * 60 });
    expect(events.get('sla.started:regulatory-decision')?.data).toMatchObject({
      targetMinutes: 15 * 24 * 60,
    });
    expect(events.get('complaint.assigned')?.data).toMatchObject({ team: 'risk-control' });
    expect(events.get('notification.sent')?.data).toMatchObject({
      channel: 'sms',
      language: 'zh-CN',
      recipient: '139****5678',
    });
    const wire = probe.records
      .filter((r) => r.key === id)
      .map((r) => r.raw)
      .join('\n');
    expect(wire).not.toContain('13912345678');
    expect(wire).not.toContain('李四');

    // And every service holds its own row
    expect(await stack.query('SELECT status FROM intake.complaint WHERE id = $1', [id])).toEqual([
      { status: 'received' },
    ]);
    expect(
      await stack.query('SELECT priority FROM classification.classification WHERE complaint_id = $1', [id]),
    ).toEqual([{ priority: 'P1' }]);
    expect(
      await stack.query(`SELECT kind, state FROM sla_timer.clock WHERE complaint_id = $1 ORDER BY kind`, [
        id,
      ]),
    ).toEqual([
      { kind: 'first-response', state: 'running' },
      { kind: 'regulatory-decision', state: 'running' },
      { kind: 'resolution', state: 'running' },
    ]);
    expect(await stack.query('SELECT team FROM escalation.assignment WHERE complaint_id = $1', [id])).toEqual(
      [{ team: 'risk-control' }],
    );
    expect(
      await stack.query(
        `SELECT status, channel FROM notification.delivery WHERE complaint_id = $1 AND audience = 'customer'`,
        [id],
      ),
    ).toEqual([{ status: 'sent', channel: 'sms' }]);

    // And the services' query APIs agree
    const clocks = (await (
      await fetch(`${stack.url('sla-timer')}/v1/sla/complaints/${id}`, await asOps())
    ).json()) as {
      clocks: unknown[];
    };
    expect(clocks.clocks).toContainEqual(
      expect.objectContaining({ kind: 'first-response', state: 'running' }),
    );
    const classification = await (
      await fetch(`${stack.url('classification')}/v1/classifications/${id}`, await asOps())
    ).json();
    expect(classification).toMatchObject({ reference, category: 'account-and-transaction' });
  });

  it('a general English complaint about the app: technology team, one-hour clock, e-mail in English', async () => {
    const { id } = await journey.file({
      channel: 'online-banking',
      externalRef: `OB-${randomUUID()}`,
      customer: {
        name: 'Alice Smith',
        email: 'alice.smith@example.com',
        segment: 'individual',
        preferredLanguage: 'en',
        contactPreference: 'email',
      },
      subject: 'App crash when opening statements',
      description:
        'Every time I open my statements the app crash happens and I cannot log in again for an hour.',
    });

    const events = await eventsOf(id);
    expectCausalChain(events);
    await expectExactlyTheIntakeFlow(id);
    expect(events.get('complaint.classified')?.data).toMatchObject({
      category: 'system-and-technical',
      urgency: 'general',
    });
    expect(events.get('sla.started:first-response')?.data).toMatchObject({ targetMinutes: 60 });
    expect(events.get('sla.started:resolution')?.data).toMatchObject({ targetMinutes: 72 * 60 });
    expect(events.get('complaint.assigned')?.data).toMatchObject({ team: 'technology', level: 'L1' });
    expect(events.get('notification.sent')?.data).toMatchObject({
      channel: 'email',
      language: 'en',
      recipient: 'a***@example.com',
    });
    const wire = probe.records
      .filter((r) => r.key === id)
      .map((r) => r.raw)
      .join('\n');
    expect(wire).not.toContain('alice.smith@example.com');

    const notifications = (await (
      await fetch(`${stack.url('notification')}/v1/notifications?complaintId=${id}`, await asOps())
    ).json()) as {
      items: { audience: string }[];
    };
    expect(notifications.items.filter((n) => n.audience === 'customer')).toEqual([
      expect.objectContaining({ status: 'sent', templateId: 'complaint.received.customer.email.en' }),
    ]);
  });

  it('a general English complaint acknowledged, paused for information, resumed, resolved, surveyed and closed: every clock met, no breach, customer told', async () => {
    // Given a general complaint filed online
    const { id } = await journey.file({
      channel: 'online-banking',
      customer: {
        name: 'Sam Carter',
        email: 'sam.carter@example.com',
        segment: 'individual',
        preferredLanguage: 'en',
        contactPreference: 'email',
      },
      subject: 'Loan fee question',
      description: 'I was charged an early repayment fee on my loan that nobody told me about when I signed.',
    });
    await eventsOf(id);

    // When an agent takes it through its whole life
    const act = (transition: string, body: object = {}) => journey.act(id, transition, body);
    await act('acknowledge');
    await act('request-info', { informationRequested: 'the loan agreement page that lists the fees' });
    await act('customer-reply', { note: 'agreement received' });
    await act('resolve', {
      outcome: 'upheld',
      resolutionSummary: 'The fee was not disclosed; refunded.',
      remedy: 'refund',
    });
    await act('feedback', { satisfaction: 4 });
    await act('close');

    // Then intake announced every step in order
    const typesOn = (topic: string) =>
      probe.records.filter((r) => r.key === id && r.topic === topic).map((r) => String(r.headers['ce_type']));
    await eventually(() =>
      expect(typesOn(TOPICS.intakeLifecycle)).toEqual([
        'complaint.received',
        'complaint.acknowledged',
        'complaint.awaiting-customer',
        'complaint.customer-replied',
        'complaint.resolved',
        'complaint.feedback-received',
        'complaint.closed',
      ]),
    );
    // And every clock was met, the resolution clock paused and resumed, and nothing breached
    const slaOf = (type: string) =>
      probe.records
        .filter((r) => r.key === id && r.headers['ce_type'] === type)
        .map((r) => (r.value as Envelope).data['kind']);
    await eventually(() =>
      expect(slaOf('sla.met').sort()).toEqual(['first-response', 'regulatory-decision', 'resolution']),
    );
    expect(slaOf('sla.paused')).toContain('resolution');
    expect(slaOf('sla.resumed')).toContain('resolution');
    expect(slaOf('sla.breached')).toEqual([]);
    // And the customer was told of the request for information and of the result (with the survey)
    await eventually(() => {
      const told = probe.records
        .filter((r) => r.key === id && r.headers['ce_type'] === 'notification.sent')
        .map((r) => (r.value as Envelope).data)
        .filter((d) => d['audience'] === 'customer')
        .map((d) => d['triggerType']);
      expect(told).toEqual(
        expect.arrayContaining(['complaint.received', 'complaint.awaiting-customer', 'complaint.resolved']),
      );
    });
    // And, once nothing is in flight, these are exactly the events on the wire about it, in order on each topic
    await journey.settled(id);
    expect(journey.typesOn(id, TOPICS.classificationResults)).toEqual(['complaint.classified']);
    expect(journey.events(id, TOPICS.slaClocks).map((e) => `${e.type}:${String(e.data['kind'])}`)).toEqual([
      'sla.started:first-response',
      'sla.started:resolution',
      'sla.started:regulatory-decision',
      'sla.met:first-response',
      // Only the resolution clock stops while the customer is asked; the regulator's deadline runs on.
      'sla.paused:resolution',
      'sla.resumed:resolution',
      'sla.met:resolution',
      'sla.met:regulatory-decision',
    ]);
    expect(journey.typesOn(id, TOPICS.escalationRouting)).toEqual(['complaint.assigned']);
    expect(journey.told(id)).toEqual(
      toldSorted([
        ['complaint.received', 'customer'],
        ['complaint.assigned', 'assignee'],
        ['complaint.awaiting-customer', 'customer'],
        ['complaint.resolved', 'customer'],
      ]),
    );
    expect(journey.typesOn(id, TOPICS.notificationDeliveries)).toEqual(Array(4).fill('notification.sent'));
    // And the final state in every service agrees
    expect(
      await stack.query('SELECT status, satisfaction FROM intake.complaint WHERE id = $1', [id]),
    ).toEqual([{ status: 'closed', satisfaction: 4 }]);
    const clocks = await stack.query<{ kind: string; state: string }>(
      'SELECT kind, state FROM sla_timer.clock WHERE complaint_id = $1 ORDER BY kind',
      [id],
    );
    expect(clocks.map((c) => c.state)).toEqual(['met', 'met', 'met']);
  });

  it('a regulatory extension: the decision deadline moves to 30 days from receipt and the customer is told why', async () => {
    // Given an acknowledged complaint
    const { id } = await journey.file({
      channel: 'letter',
      customer: {
        name: '赵六',
        email: 'zhao.liu@example.com',
        segment: 'individual',
        preferredLanguage: 'zh-CN',
        contactPreference: 'email',
      },
      subject: '理财产品收益与宣传不符',
      description: '我购买的理财产品实际收益远低于宣传材料中的预期收益，请说明原因。',
    });
    const received = (await eventsOf(id)).get('complaint.received') as Envelope;
    const agent = await bearer(['lifecycle:write'], 'agent-desktop', 'agent-077');
    const post = (transition: string, body: object) =>
      fetch(`${stack.url('intake')}/v1/complaints/${id}/${transition}`, {
        method: 'POST',
        headers: { authorization: agent, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('acknowledge', {})).status).toBe(200);

    // When the deadline is extended with the manager's approval
    const extended = await post('extend-deadline', {
      reason: '需要产品发行方提供收益测算材料',
      newTotalDays: 30,
      approver: 'manager-12',
    });
    expect(extended.status).toBe(200);

    // Then the regulatory clock is due at the end of the 30th calendar day after receipt (the policy counts whole
    // days in the institution's time zone)
    const receivedAt = new Date(String(received.data['receivedAt'])).getTime();
    await eventually(async () => {
      const [clock] = await stack.query<{ due_at: Date }>(
        `SELECT due_at FROM sla_timer.clock WHERE complaint_id = $1 AND kind = 'regulatory-decision'`,
        [id],
      );
      const days = (clock.due_at.getTime() - receivedAt) / (24 * 60 * 60 * 1000);
      expect(days).toBeGreaterThanOrEqual(30);
      expect(days).toBeLessThanOrEqual(31);
    });
    // And the customer is told, with the reason
    await eventually(() => {
      const told = probe.records
        .filter((r) => r.key === id && r.headers['ce_type'] === 'notification.sent')
        .map((r) => (r.value as Envelope).data)
        .filter((d) => d['audience'] === 'customer' && d['triggerType'] === 'complaint.deadline-extended');
      expect(told).toHaveLength(1);
    });
    // And, once nothing is in flight, these are exactly the events on the wire about it, in order on each topic
    await journey.settled(id);
    expect(journey.typesOn(id, TOPICS.intakeLifecycle)).toEqual([
      'complaint.received',
      'complaint.acknowledged',
      'complaint.deadline-extended',
    ]);
    expect(journey.events(id, TOPICS.slaClocks).map((e) => `${e.type}:${String(e.data['kind'])}`)).toEqual([
      'sla.started:first-response',
      'sla.started:resolution',
      'sla.started:regulatory-decision',
      'sla.met:first-response',
      // The extended deadline is announced as the regulatory clock started again on its new terms
      'sla.started:regulatory-decision',
    ]);
    expect(journey.ofType(id, 'sla.started').at(-1)?.data).toMatchObject({ trigger: 'deadline-extended' });
    expect(journey.typesOn(id, TOPICS.escalationRouting)).toEqual(['complaint.assigned']);
    expect(journey.told(id)).toEqual(
      toldSorted([
        ['complaint.received', 'customer'],
        ['complaint.assigned', 'assignee'],
        ['complaint.deadline-extended', 'customer'],
      ]),
    );
    const deliveries = await stack.query<{ status: string }>(
      `SELECT status FROM notification.delivery WHERE complaint_id = $1 AND audience = 'customer' AND event_type = 'complaint.deadline-extended'`,
      [id],
    );
    expect(deliveries).toEqual([{ status: 'sent' }]);
  });

  it('every service reports ready, with its database and Kafka checks', async () => {
    for (const service of ['intake', 'classification', 'sla-timer', 'escalation', 'notification'] as const) {
      const res = await fetch(`${stack.url(service)}/health/ready`);
      expect({ service, status: res.status }).toEqual({ service, status: 200 });
      const body = (await res.json()) as { checks: Record<string, { ok: boolean }> };
      expect(body.checks.database.ok).toBe(true);
      expect(body.checks['outbox-relay'].ok).toBe(true);
    }
  });
});
