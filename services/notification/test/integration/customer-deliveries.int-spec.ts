import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource, EntityManager } from 'typeorm';
import { EnvelopeOf, EXAMPLE_EVENTS, TOPICS } from '@complaints/contracts';
import { HandlerContext } from '@complaints/kafka';
import { AesGcmKeyring, sealContact } from '@complaints/data-protection';
import {
  bearer,
  deliver,
  eventually,
  freshEvent,
  theOnlyRecord,
  useServiceHarness,
} from '@complaints/testing';
import { AcknowledgeOnReceivedHandler } from '../../src/api/messaging/acknowledge-on-received.handler';
import { NotificationModule, NOTIFICATION_SCHEMA } from '../../src/notification.module';
import { NOTIFICATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { HttpTestServer } from '../support/http-test-server';
import { SmtpTestServer } from '../support/smtp-test-server';
import { CONTACT_KEYS, notificationTestEnv } from '../support/notification-test-env';

/** Every complaint here reuses the example's reference. */
const REFERENCE = EXAMPLE_EVENTS['complaint.received'].data.reference;

interface Envelope {
  type: string;
  causationid?: string;
  data: Record<string, unknown>;
}

describe('customer notifications through a real SMTP server and a real SMS gateway, on the real broker', () => {
  const keyring = new AesGcmKeyring(CONTACT_KEYS.spec, CONTACT_KEYS.id);
  const smtp = new SmtpTestServer();
  const gateway = new HttpTestServer();
  // The protocol servers start before the service, which is configured with their ports.
  beforeAll(async () => {
    await smtp.start();
    await gateway.start();
  });
  afterAll(async () => {
    await smtp.stop();
    await gateway.stop();
  });
  const harness = useServiceHarness({
    label: 'notification_customer',
    schema: NOTIFICATION_SCHEMA,
    migrations: NOTIFICATION_MIGRATIONS,
    module: (url) =>
      NotificationModule.register(
        notificationTestEnv(url, { smtpPort: smtp.port, smsGatewayUrl: gateway.url }),
      ),
    watch: [TOPICS.notificationDeliveries],
  });

  let phoneSequence = 0;
  function customer(contactPreference: 'sms' | 'email' | 'none', language: 'zh-CN' | 'en' = 'zh-CN') {
    const phone = `1370000${String(1000 + ++phoneSequence).padStart(4, '0')}`;
    const email = `wang.wu+${randomUUID().slice(0, 8)}@example.com`;
    return { phone, email, contactPreference, language, name: '王五' };
  }

  function received(c: ReturnType<typeof customer>) {
    const complaintId = randomUUID();
    const example = EXAMPLE_EVENTS['complaint.received'];
    return freshEvent({
      ...example,
      subject: complaintId,
      data: {
        ...example.data,
        complaintId,
        customer: {
          ...example.data.customer,
          maskedPhone: `${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`,
          maskedEmail: `w***@example.com`,
          contactPreference: c.contactPreference,
          preferredLanguage: c.language,
        },
        contact: sealContact(keyring, { name: c.name, phone: c.phone, email: c.email }),
      },
    });
  }

  const notifications = async (query: string) =>
    (
      await request(harness.service.app.getHttpServer())
        .get(`/v1/notifications?${query}`)
        .set('authorization', await bearer(['ops:read']))
        .expect(200)
    ).body.items as Record<string, unknown>[];

  it('sends a complaint received in Chinese a Chinese e-mail with its reference and answer date, and one notification.sent', async () => {
    // Given a Chinese-speaking customer who prefers e-mail
    const c = customer('email');
    const event = received(c);

    // When complaint.received arrives
    await deliver(harness.probe, event);

    // Then the SMTP server holds one Chinese e-mail to them, with the reference and the date of the answer
    const sent = await theOnlyRecord(harness.probe, event.subject);
    const [mail] = smtp.to(c.email);
    expect(smtp.to(c.email)).toHaveLength(1);
    expect(mail.subject).toBe(`您的投诉已受理（编号 ${REFERENCE}）`);
    expect(mail.text).toContain(`王五，您好`);
    expect(mail.text).toContain(`编号 ${REFERENCE}`);
    // received 2026-11-20T09:15Z + 15 days, shown as a Shanghai date
    expect(mail.text).toContain('15日内（2026年12月5日前）');
    expect(mail.headers['content-language']).toBe('zh-CN');

    // And notification.sent names the masked address only
    expect(sent.headers['ce_type']).toBe('notification.sent');
    expect((sent.value as Envelope).causationid).toBe(event.id);
    expect((sent.value as Envelope).data).toMatchObject({
      channel: 'email',
      audience: 'customer',
      language: 'zh-CN',
      recipient: 'w***@example.com',
      templateId: 'complaint.received.customer.email.zh-CN',
      templateVersion: 2,
      attempts: 1,
    });
    expect(sent.raw).not.toContain(c.email);
    expect(sent.raw).not.toContain('王五');
  });

  it('sends one SMS and one notification.sent when the gateway answers 503 twice and then 200', async () => {
    // Given a gateway that is briefly unavailable for this customer's number
    const c = customer('sms');
    gateway.scriptFor(c.phone, [503, 503]);
    const event = received(c);

    // When complaint.received arrives
    await deliver(harness.probe, event);

    // Then after two retries with backoff the SMS is accepted, once, and one notification.sent says so
    const sent = await theOnlyRecord(harness.probe, event.subject, { timeoutMs: 30000 });
    expect((sent.value as Envelope).data).toMatchObject({
      channel: 'sms',
      recipient: c.phone.replace(/^(\d{3})\d{4}/, '$1****'),
      attempts: 3,
    });
    const requests = gateway.smsTo(c.phone);
    expect(requests).toHaveLength(3);
    // every attempt carries the same idempotency key, so a gateway that deduplicates sends one text
    expect(new Set(requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(JSON.parse(requests[2].body)).toMatchObject({
      to: c.phone,
      language: 'zh-CN',
      text: expect.stringContaining(`编号 ${REFERENCE}`),
    });

    // And the API shows the three attempts and their outcomes
    const [delivery] = await notifications(`complaintId=${event.subject}`);
    expect(delivery).toMatchObject({
      status: 'sent',
      attempts: 3,
      recipientMasked: expect.stringMatching(/^137\*{4}\d{4}$/),
    });
    expect((delivery.attemptLog as { outcome: string }[]).map((a) => a.outcome)).toEqual([
      'retry',
      'retry',
      'sent',
    ]);
  });

  it('sends one message for a complaint.received delivered twice', async () => {
    // Given the same event delivered twice, and then another complaint
    const c = customer('sms');
    const event = received(c);
    await deliver(harness.probe, event, 2);
    const later = received(customer('sms'));
    await deliver(harness.probe, later);

    // When both have been handled
    await theOnlyRecord(harness.probe, later.subject);
    await theOnlyRecord(harness.probe, event.subject);

    // Then the customer got one text, and there is one delivery and one notification.sent
    expect(gateway.smsTo(c.phone)).toHaveLength(1);
    expect(await notifications(`complaintId=${event.subject}`)).toHaveLength(1);
    expect(harness.probe.records.filter((r) => r.key === event.subject)).toHaveLength(1);
  });

  it('contacts nobody who asked not to be contacted, and shows why', async () => {
    const c = customer('none');
    const event = received(c);
    await deliver(harness.probe, event);

    const [delivery] = await eventually(async () => {
      const items = await notifications(`complaintId=${event.subject}`);
      expect(items).toHaveLength(1);
      return items;
    });
    expect(delivery).toMatchObject({ status: 'suppressed', error: 'the customer asked not to be contacted' });
    expect(gateway.smsTo(c.phone)).toHaveLength(0);
    expect(smtp.to(c.email)).toHaveLength(0);
    expect(harness.probe.records.filter((r) => r.key === event.subject)).toHaveLength(0);
  });

  it('fails at once with notification.failed when the mail server rejects the address for good', async () => {
    // Given a mailbox the mail server rejects permanently
    const c = customer('email', 'en');
    smtp.rejectRecipient = (address) =>
      address === c.email
        ? { code: 550, message: `5.1.1 <${address}>: Recipient address rejected: mailbox unavailable` }
        : null;
    const event = received(c);

    // When complaint.received arrives
    await deliver(harness.probe, event);

    // Then there is no retry: notification.failed, permanent, after one attempt
    const failed = await theOnlyRecord(harness.probe, event.subject);
    expect(failed.headers['ce_type']).toBe('notification.failed');
    expect((failed.value as Envelope).data).toMatchObject({
      permanent: true,
      attempts: 1,
      language: 'en',
      error: expect.stringContaining('550'),
    });
    // The mail server echoed the address; what is published carries it masked
    expect(failed.raw).not.toContain(c.email);
    expect((failed.value as Envelope).data['error']).toContain('w***@example.com');
    // And it is visible to ops among the failed deliveries
    const failedItems = await notifications('status=failed');
    expect(failedItems).toEqual(
      expect.arrayContaining([expect.objectContaining({ complaintId: event.subject, permanent: true })]),
    );
    smtp.rejectRecipient = () => null;
  });

  it('gives up after the attempt limit when the gateway never recovers: notification.failed, not permanent', async () => {
    const c = customer('sms');
    gateway.scriptFor(c.phone, [503, 503, 503, 503]);
    const event = received(c);
    await deliver(harness.probe, event);

    const failed = await theOnlyRecord(harness.probe, event.subject, { timeoutMs: 30000 });
    expect(failed.headers['ce_type']).toBe('notification.failed');
    expect((failed.value as Envelope).data).toMatchObject({ permanent: false, attempts: 3 });
    expect(gateway.smsTo(c.phone)).toHaveLength(3);
  });

  it('records a run of acknowledgements in one statement, and fails the unreachable one as a follow-up of its own event', async () => {
    // Given ten customers who prefer e-mail, and one who prefers SMS but gave no phone number
    const customers = Array.from({ length: 10 }, () => customer('email', 'en'));
    const reachable = customers.map(received);
    const noPhone = received(customer('sms', 'en'));
    delete (noPhone.data as { customer: { maskedPhone?: string } }).customer.maskedPhone;
    const events = [...reachable.slice(0, 5), noPhone, ...reachable.slice(5)];

    // When they are handled as the consumer host handles a run: one transaction, bracketed by the run hooks
    const handler = harness.service.app.get(AcknowledgeOnReceivedHandler);
    const followUps: { cause: string; type: string; subject: string }[] = [];
    const inserts: string[] = [];
    await harness.service.app.get(DataSource).transaction(async (em: EntityManager) => {
      const query = em.query.bind(em);
      em.query = ((sql: string, ...rest: unknown[]) => {
        if (/INSERT INTO delivery\b/.test(sql)) inserts.push(sql);
        return query(sql, ...(rest as [unknown[]]));
      }) as EntityManager['query'];
      for (const event of events) {
        const ctx: HandlerContext = {
          em,
          emit: async (e) => void followUps.push({ cause: event.id, type: e.type, subject: e.subject }),
        };
        await handler.handle(event as unknown as EnvelopeOf<'complaint.received'>, ctx);
      }
      await handler.afterEvents(em);
    });

    // Then all eleven were recorded by one statement
    expect(inserts).toHaveLength(1);
    // And only the unreachable one failed at once, announced as caused by its own event
    expect(followUps).toEqual([{ cause: noPhone.id, type: 'notification.failed', subject: noPhone.subject }]);
    const [failed] = await notifications(`complaintId=${noPhone.subject}`);
    expect(failed).toMatchObject({ status: 'failed', channel: 'sms' });
    // And the worker sends the others as usual, one e-mail each
    await eventually(() => {
      for (const c of customers) expect(smtp.to(c.email)).toHaveLength(1);
    });
  });

  it('keeps contact details sealed at rest: no notification table holds a clear phone, e-mail or name', async () => {
    // Given a delivered complaint
    const c = customer('email');
    const event = received(c);
    await deliver(harness.probe, event);
    await theOnlyRecord(harness.probe, event.subject);

    // Then no row of any table holds the clear values, and the contact block is the sealed one
    const db = harness.service.app.get(DataSource);
    for (const table of ['complaint_profile', 'delivery', 'delivery_attempt', 'outbox', 'inbox']) {
      const rows: { json: string }[] = await db.query(`SELECT row_to_json(t)::text AS json FROM ${table} t`);
      const all = rows.map((r) => r.json).join('\n');
      for (const secret of [c.phone, c.email, c.name])
        expect({ table, leaked: all.includes(secret) }).toEqual({ table, leaked: false });
    }
    const [profile] = await db.query('SELECT contact_sealed FROM complaint_profile WHERE complaint_id = $1', [
      event.subject,
    ]);
    expect(profile.contact_sealed).toMatchObject({ alg: 'AES-256-GCM', keyId: CONTACT_KEYS.id });
  });

  it('answers GET /v1/notifications without a query with 400, and refuses callers without a reading scope', async () => {
    const server = harness.service.app.getHttpServer();
    const bad = await request(server)
      .get('/v1/notifications?limit=0')
      .set('authorization', await bearer(['ops:read']));
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((bad.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['limit']);
    const none = await request(server)
      .get('/v1/notifications')
      .set('authorization', await bearer(['ops:read']));
    expect(none.status).toBe(400);
    await request(server)
      .get(`/v1/notifications?complaintId=${randomUUID()}`)
      .set('authorization', await bearer(['complaints:write']))
      .expect(403);
    await request(server).get(`/v1/notifications?complaintId=${randomUUID()}`).expect(401);
  });
});
