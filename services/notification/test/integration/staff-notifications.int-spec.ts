import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EXAMPLE_EVENTS, TOPICS } from '@complaints/contracts';
import { AesGcmKeyring, sealContact } from '@complaints/data-protection';
import {
  bearer,
  deliver,
  eventually,
  freshEvent,
  ObservedRecord,
  useServiceHarness,
} from '@complaints/testing';
import { NotificationModule, NOTIFICATION_SCHEMA } from '../../src/notification.module';
import { NOTIFICATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { verifyWebhook } from '../../src/infrastructure/channels/webhook-signature';
import { HttpTestServer } from '../support/http-test-server';
import { SmtpTestServer } from '../support/smtp-test-server';
import { CONTACT_KEYS, notificationTestEnv, OPS_TOOL_SECRET } from '../support/notification-test-env';

interface Envelope {
  id: string;
  type: string;
  causationid?: string;
  data: Record<string, unknown>;
}

describe('staff notifications by e-mail and signed webhook, and the template and directory APIs', () => {
  const smtp = new SmtpTestServer();
  const hooks = new HttpTestServer();
  beforeAll(async () => {
    await smtp.start();
    await hooks.start();
  });
  afterAll(async () => {
    await smtp.stop();
    await hooks.stop();
  });
  const harness = useServiceHarness({
    label: 'notification_staff',
    schema: NOTIFICATION_SCHEMA,
    migrations: NOTIFICATION_MIGRATIONS,
    module: (url) =>
      NotificationModule.register(
        notificationTestEnv(url, { smtpPort: smtp.port, smsGatewayUrl: hooks.url }),
      ),
    watch: [TOPICS.notificationDeliveries],
  });

  const http = () => request(harness.service.app.getHttpServer());
  const asAdmin = () => bearer(['admin'], 'ops-console', 'admin-1');

  // Given a staff directory: the fraud team's tool by webhook, a desk and the leads by e-mail, ops by webhook
  beforeAll(async () => {
    await http()
      .put('/v1/staff-recipients')
      .set('authorization', await asAdmin())
      .send({
        recipients: [
          {
            id: 'fraud-desk-hook',
            audience: 'assignee',
            team: 'card-fraud-response',
            channel: 'webhook',
            address: `${hooks.url}/hooks/fraud`,
            language: 'en',
            secretRef: 'ops-tool',
          },
          {
            id: 'desk-mail',
            audience: 'assignee',
            team: '*',
            channel: 'email',
            address: 'desk@bank.example',
            language: 'zh-CN',
          },
          {
            id: 'leads-mail',
            audience: 'team-lead',
            team: '*',
            channel: 'email',
            address: 'leads@bank.example',
            language: 'en',
          },
          {
            id: 'ops-hook',
            audience: 'ops',
            team: '*',
            channel: 'webhook',
            address: `${hooks.url}/hooks/ops`,
            language: 'zh-CN',
            secretRef: 'ops-tool',
          },
          {
            id: 'management-mail',
            audience: 'management',
            team: '*',
            channel: 'email',
            address: 'management@bank.example',
            language: 'en',
          },
        ],
      })
      .expect(200);
  });

  const outcomesOf = (eventId: string, count: number): Promise<Envelope[]> =>
    eventually(
      () => {
        const found = harness.probe.records
          .map((r: ObservedRecord) => r.value as Envelope)
          .filter((e) => e.causationid === eventId);
        expect(found).toHaveLength(count);
        return found;
      },
      { timeoutMs: 30000 },
    );

  function assigned(complaintId: string, team: string) {
    const example = EXAMPLE_EVENTS['complaint.assigned'];
    return freshEvent({ ...example, subject: complaintId, data: { ...example.data, complaintId, team } });
  }

  it('signs the webhook to the fraud team so its receiver can verify it, and e-mails the desk in Chinese', async () => {
    // When a complaint is assigned to the card fraud team
    const complaintId = randomUUID();
    const event = assigned(complaintId, 'card-fraud-response');
    await deliver(harness.probe, event);

    // Then the fraud tool and the desk each get one message, and each is reported sent
    const outcomes = await outcomesOf(event.id, 2);
    expect(outcomes.map((o) => o.type)).toEqual(['notification.sent', 'notification.sent']);
    expect(outcomes.map((o) => o.data['channel']).sort()).toEqual(['email', 'webhook']);
    expect(outcomes.find((o) => o.data['channel'] === 'webhook')?.data).toMatchObject({
      audience: 'assignee',
      recipient: hooks.url,
      templateId: 'complaint.assigned.assignee.webhook.en',
    });

    // And the webhook's signature verifies with the endpoint's secret: HMAC-SHA256 over timestamp and body
    const [hook] = hooks.requests.filter((r) => r.path === '/hooks/fraud' && r.body.includes(complaintId));
    const headers = {
      signature: String(hook.headers['x-complaints-signature']),
      timestamp: String(hook.headers['x-complaints-timestamp']),
    };
    expect(verifyWebhook(OPS_TOOL_SECRET, headers, hook.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(
      verifyWebhook('not-the-secret-0123456789', headers, hook.body, Math.floor(Date.now() / 1000)),
    ).toBe(false);
    expect(hook.headers['x-complaints-delivery']).toBe(
      outcomes.find((o) => o.data['channel'] === 'webhook')?.data['notificationId'],
    );
    // The reference is not known yet (complaint.received not seen), so the complaint id stands in for it
    expect(JSON.parse(hook.body)).toMatchObject({
      eventType: 'complaint.assigned',
      eventId: event.id,
      audience: 'assignee',
      language: 'en',
      title: `New complaint for card-fraud-response: ${complaintId} (L2)`,
      data: { team: 'card-fraud-response', level: 'L2', reference: complaintId },
    });
    const mail = await eventually(() => {
      const found = smtp.to('desk@bank.example').find((m) => m.text.includes(complaintId));
      if (!found) throw new Error('no e-mail to the desk yet');
      return found;
    });
    expect(mail.subject).toBe(`新投诉已分派至card-fraud-response：${complaintId}（L2）`);
  });

  it("tells the complaint's team, the team leads and ops about a breach, each once, in their language", async () => {
    // Given a complaint received (customer asked for no contact) and assigned to the retail team
    const complaintId = randomUUID();
    const example = EXAMPLE_EVENTS['complaint.received'];
    const keyring = new AesGcmKeyring(CONTACT_KEYS.spec, CONTACT_KEYS.id);
    const received = freshEvent({
      ...example,
      subject: complaintId,
      data: {
        ...example.data,
        complaintId,
        customer: { ...example.data.customer, contactPreference: 'none' },
        contact: sealContact(keyring, { name: '赵六' }),
      },
    });
    await deliver(harness.probe, received);
    const assignment = assigned(complaintId, 'retail-complaints');
    await deliver(harness.probe, assignment);
    await outcomesOf(assignment.id, 1);

    // When its first-response clock breaches
    const breachExample = EXAMPLE_EVENTS['sla.breached'];
    const breach = freshEvent({
      ...breachExample,
      subject: complaintId,
      data: { ...breachExample.data, complaintId },
    });
    await deliver(harness.probe, breach);

    // Then the desk (Chinese), the leads (English) and the ops tool (signed webhook) each hear once
    const outcomes = await outcomesOf(breach.id, 3);
    expect(
      outcomes.map((o) => `${o.data['audience']}/${o.data['channel']}/${o.data['language']}`).sort(),
    ).toEqual(['assignee/email/zh-CN', 'ops/webhook/zh-CN', 'team-lead/email/en']);
    const reference = example.data.reference;
    const leads = smtp.to('leads@bank.example').filter((m) => m.text.includes(complaintId));
    expect(leads.map((m) => m.subject)).toEqual([`SLA breached: ${reference} first-response`]);
    expect(leads[0].text).toContain('Team: retail-complaints');
    const desk = smtp
      .to('desk@bank.example')
      .filter((m) => m.subject.startsWith('时限超时') && m.text.includes(complaintId));
    expect(desk).toHaveLength(1);
    const ops = hooks.requests.filter((r) => r.path === '/hooks/ops' && r.body.includes(complaintId));
    expect(ops).toHaveLength(1);
    expect(JSON.parse(ops[0].body).text).toContain(`投诉 ${reference} 的 first-response 时限`);
  });

  it('sends a fleet-wide risk warning to ops and management, listed under its subject', async () => {
    const example = EXAMPLE_EVENTS['risk.warning-raised'];
    const key = `channel-${randomUUID().slice(0, 8)}`;
    const subject = `risk:channel:${key}`;
    const warning = freshEvent({ ...example, subject, data: { ...example.data, dimension: 'channel', key } });
    await deliver(harness.probe, warning);

    const items = await eventually(
      async () => {
        const res = await http()
          .get(`/v1/notifications?subject=${encodeURIComponent(subject)}`)
          .set('authorization', await bearer(['ops:read']))
          .expect(200);
        const found = res.body.items as { audience: string; status: string }[];
        expect(found.map((i) => `${i.audience}:${i.status}`).sort()).toEqual(['management:sent', 'ops:sent']);
        return found;
      },
      { timeoutMs: 30000 },
    );
    expect(items).toHaveLength(2);
    expect(smtp.to('management@bank.example').filter((m) => m.text.includes(key))).toHaveLength(1);
  });

  it('refuses a directory whose webhook has no configured secret or whose address is wrong, listing every field', async () => {
    const res = await http()
      .put('/v1/staff-recipients')
      .set('authorization', await asAdmin())
      .send({
        recipients: [
          {
            id: 'hook',
            audience: 'ops',
            team: '*',
            channel: 'webhook',
            address: 'https://ops.example/h',
            language: 'en',
            secretRef: 'unknown',
          },
          {
            id: 'mail',
            audience: 'ops',
            team: '*',
            channel: 'email',
            address: 'not-an-address',
            language: 'en',
          },
        ],
      })
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'recipients.0.secretRef',
      'recipients.1.address',
    ]);
    await http()
      .put('/v1/staff-recipients')
      .set('authorization', await bearer(['ops:read']))
      .send({ recipients: [] })
      .expect(403);
    const current = await http()
      .get('/v1/staff-recipients')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(current.body.recipients).toHaveLength(5);
    expect(current.body.updatedBy).toBe('ops-console/admin-1');
  });

  it('changes the policy number the acknowledgement quotes, and refuses an impossible one', async () => {
    await http()
      .put('/v1/notification-policy')
      .set('authorization', await asAdmin())
      .send({ answerWithinDays: 0 })
      .expect(400);
    await http()
      .put('/v1/notification-policy')
      .set('authorization', await asAdmin())
      .send({ answerWithinDays: 10 })
      .expect(200);
    const res = await http()
      .get('/v1/notification-policy')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(res.body).toEqual({ answerWithinDays: 10 });
  });

  it('refuses a template set using a variable its event lacks, listing every problem, and keeps the current set', async () => {
    // Given the current set with one template using a variable complaint.received does not supply
    const current = await http()
      .get('/v1/templates')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(current.body.version).toBe(2);
    const templates = (current.body.templates as Record<string, unknown>[]).map(({ version: _v, ...t }) => t);
    const i = templates.findIndex((t) => t['eventType'] === 'complaint.received' && t['channel'] === 'sms');
    templates[i] = { ...templates[i], body: 'Ref {{reference}}, due {{dueAt}}' };

    // When it is saved, Then 400 names the field and the variable, and the current version is unchanged
    const res = await http()
      .put('/v1/templates')
      .set('authorization', await asAdmin())
      .send({
        basedOnVersion: 2,
        templates: [
          ...templates,
          { eventType: 'complaint.closed', audience: 'ops', channel: 'email', language: 'en', body: 'x' },
        ],
      })
      .expect(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: `templates.${i}.body`, messages: [expect.stringContaining('unknown variable {{dueAt}}')] },
        { field: `templates.${templates.length}.eventType`, messages: [expect.any(String)] },
      ]),
    );
    const after = await http()
      .get('/v1/templates')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(after.body.version).toBe(2);
  });

  it('saves a new template version that the next message uses, and answers 409 to a save based on an old one', async () => {
    // Given a new version of the set with a new subject for the desk's assignment e-mail
    const current = await http()
      .get('/v1/templates')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    const templates = (current.body.templates as Record<string, unknown>[]).map(({ version: _v, ...t }) =>
      t['eventType'] === 'complaint.assigned' && t['channel'] === 'email' && t['language'] === 'zh-CN'
        ? { ...t, subject: '【分派】{{reference}} → {{team}}' }
        : t,
    );
    const saved = await http()
      .put('/v1/templates')
      .set('authorization', await asAdmin())
      .send({ basedOnVersion: 2, templates })
      .expect(200);
    expect(saved.body).toMatchObject({ version: 3, createdBy: 'ops-console/admin-1' });

    // When a complaint is assigned, Then the desk's e-mail uses version 3
    const complaintId = randomUUID();
    const event = assigned(complaintId, 'retail-complaints');
    await deliver(harness.probe, event);
    const [outcome] = await outcomesOf(event.id, 1);
    expect(outcome.data).toMatchObject({
      templateVersion: 3,
      templateId: 'complaint.assigned.assignee.email.zh-CN',
    });
    expect(smtp.to('desk@bank.example').find((m) => m.text.includes(complaintId))?.subject).toBe(
      `【分派】${complaintId} → retail-complaints`,
    );

    // And a save still based on version 2 is refused with the current version
    const stale = await http()
      .put('/v1/templates')
      .set('authorization', await asAdmin())
      .send({ basedOnVersion: 2, templates })
      .expect(409);
    expect(stale.body).toMatchObject({ currentVersion: 3 });
    await http()
      .put('/v1/templates')
      .set('authorization', await bearer(['ops:read']))
      .send({ templates })
      .expect(403);
    const old = await http()
      .get('/v1/templates?version=2')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(old.body.version).toBe(2);
  });
});
