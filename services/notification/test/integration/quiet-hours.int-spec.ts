import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EXAMPLE_EVENTS, TOPICS } from '@complaints/contracts';
import { AesGcmKeyring, sealContact } from '@complaints/data-protection';
import {
  bearer,
  deliver,
  eventually,
  FakeClock,
  freshEvent,
  theOnlyRecord,
  useServiceHarness,
} from '@complaints/testing';
import { NotificationModule, NOTIFICATION_SCHEMA } from '../../src/notification.module';
import { NOTIFICATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { HttpTestServer } from '../support/http-test-server';
import { SmtpTestServer } from '../support/smtp-test-server';
import { CONTACT_KEYS, notificationTestEnv } from '../support/notification-test-env';

/** 23:00 in Shanghai: inside the 21:00-08:00 quiet hours. */
const NIGHT = '2026-11-20T15:00:00.000Z';
/** 08:00 the next morning in Shanghai. */
const MORNING = '2026-11-21T00:00:00.000Z';

describe('quiet hours for customer SMS, on a fake clock', () => {
  const clock = new FakeClock(NIGHT);
  const keyring = new AesGcmKeyring(CONTACT_KEYS.spec, CONTACT_KEYS.id);
  const smtp = new SmtpTestServer();
  const gateway = new HttpTestServer();
  beforeAll(async () => {
    await smtp.start();
    await gateway.start();
  });
  afterAll(async () => {
    await smtp.stop();
    await gateway.stop();
  });
  const harness = useServiceHarness({
    label: 'notification_quiet',
    schema: NOTIFICATION_SCHEMA,
    migrations: NOTIFICATION_MIGRATIONS,
    module: (url) =>
      NotificationModule.register(
        notificationTestEnv(
          url,
          { smtpPort: smtp.port, smsGatewayUrl: gateway.url },
          { QUIET_HOURS: '21:00-08:00', QUIET_HOURS_TIME_ZONE: 'Asia/Shanghai' },
        ),
        { clock },
      ),
    watch: [TOPICS.notificationDeliveries],
  });

  let sequence = 0;
  function complaint(contactPreference: 'sms' | 'email') {
    const complaintId = randomUUID();
    const phone = `1390000${String(1000 + ++sequence)}`;
    const email = `night.owl+${sequence}@example.com`;
    const example = EXAMPLE_EVENTS['complaint.received'];
    const received = freshEvent({
      ...example,
      subject: complaintId,
      data: {
        ...example.data,
        complaintId,
        customer: { ...example.data.customer, contactPreference, maskedEmail: 'n***@example.com' },
        contact: sealContact(keyring, { name: '孙七', phone, email }),
      },
    });
    const classified = (urgency: 'urgent' | 'general') => {
      const c = EXAMPLE_EVENTS['complaint.classified'];
      return freshEvent({ ...c, subject: complaintId, data: { ...c.data, complaintId, urgency } });
    };
    return { complaintId, phone, email, received, classified };
  }

  const deliveriesOf = async (complaintId: string) =>
    (
      await request(harness.service.app.getHttpServer())
        .get(`/v1/notifications?complaintId=${complaintId}`)
        .set('authorization', await bearer(['ops:read']))
        .expect(200)
    ).body.items as Record<string, unknown>[];

  it("holds a general complaint's SMS at night until 08:00 and sends it then; an e-mail is not held", async () => {
    // Given a general complaint whose customer wants SMS, and one who wants e-mail, at 23:00
    const bySms = complaint('sms');
    const byEmail = complaint('email');
    await deliver(harness.probe, bySms.classified('general'));
    await deliver(harness.probe, bySms.received);
    await deliver(harness.probe, byEmail.received);

    // Then the e-mail goes now, and the SMS waits for the end of the quiet hours
    await theOnlyRecord(harness.probe, byEmail.complaintId);
    expect(smtp.to(byEmail.email)).toHaveLength(1);
    await eventually(async () =>
      expect(await deliveriesOf(bySms.complaintId)).toEqual([
        expect.objectContaining({
          status: 'pending',
          holdReason: 'quiet-hours',
          nextAttemptAt: MORNING,
          attempts: 0,
        }),
      ]),
    );
    expect(gateway.smsTo(bySms.phone)).toHaveLength(0);

    // When the morning comes
    clock.set(MORNING);

    // Then it is sent, once
    const sent = await theOnlyRecord(harness.probe, bySms.complaintId);
    expect(sent.headers['ce_type']).toBe('notification.sent');
    expect(gateway.smsTo(bySms.phone)).toHaveLength(1);
    clock.set(NIGHT);
  });

  it('holds an SMS of unknown urgency and releases it the moment the complaint is classified urgent', async () => {
    // Given an SMS acknowledgement at 23:00 before the complaint is classified
    const c = complaint('sms');
    await deliver(harness.probe, c.received);
    await eventually(async () =>
      expect(await deliveriesOf(c.complaintId)).toEqual([
        expect.objectContaining({ holdReason: 'quiet-hours' }),
      ]),
    );

    // When classification says it is urgent (the clock still at night)
    await deliver(harness.probe, c.classified('urgent'));

    // Then the SMS goes out at once
    const sent = await theOnlyRecord(harness.probe, c.complaintId);
    expect(sent.headers['ce_type']).toBe('notification.sent');
    expect(gateway.smsTo(c.phone)).toHaveLength(1);
    expect(clock.now().toISOString()).toBe(NIGHT);
  });

  it("never holds an urgent complaint's SMS", async () => {
    const c = complaint('sms');
    await deliver(harness.probe, c.classified('urgent'));
    await deliver(harness.probe, c.received);

    await theOnlyRecord(harness.probe, c.complaintId);
    const [delivery] = await deliveriesOf(c.complaintId);
    expect(delivery).toMatchObject({ status: 'sent', holdReason: null, attempts: 1 });
  });
});
