import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EXAMPLE_EVENTS, TOPICS } from '@complaints/contracts';
import { AesGcmKeyring, sealContact } from '@complaints/data-protection';
import {
  bearer,
  baseServiceEnv,
  deliver,
  eventually,
  freshEvent,
  testKeyRing,
  theOnlyRecord,
  useServiceHarness,
} from '@complaints/testing';
import { NotificationModule, NOTIFICATION_SCHEMA } from '../../src/notification.module';
import { NotificationEnv } from '../../src/config/notification.env';
import { NOTIFICATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';

describe('notification acknowledges received complaints on the real broker', () => {
  const contactKeys = testKeyRing('contact-test');
  const keyring = new AesGcmKeyring(contactKeys.spec, contactKeys.id);
  const harness = useServiceHarness({
    label: 'notification',
    schema: NOTIFICATION_SCHEMA,
    migrations: NOTIFICATION_MIGRATIONS,
    module: (url) =>
      NotificationModule.register(
        Object.assign(new NotificationEnv(), baseServiceEnv(url), {
          CONTACT_KEYS: contactKeys.spec,
          CONTACT_ACTIVE_KEY: contactKeys.id,
        }),
      ),
    watch: [TOPICS.notificationDeliveries],
  });

  function received(contactPreference: 'sms' | 'email' | 'none') {
    const complaintId = randomUUID();
    const example = EXAMPLE_EVENTS['complaint.received'];
    return freshEvent({
      ...example,
      subject: complaintId,
      data: {
        ...example.data,
        complaintId,
        customer: { ...example.data.customer, contactPreference, preferredLanguage: 'zh-CN' },
        contact: sealContact(keyring, { name: '王五', phone: '13700001111', email: 'wang.wu@example.com' }),
      },
    });
  }

  it('sends one SMS and one notification.sent for a complaint.received delivered twice, with the address masked', async () => {
    const event = received('sms');
    await deliver(harness.probe, event, 2);

    const sent = await theOnlyRecord(harness.probe, event.subject);
    expect(sent.headers['ce_type']).toBe('notification.sent');
    expect((sent.value as { data: Record<string, unknown> }).data).toMatchObject({
      channel: 'sms',
      language: 'zh-CN',
      recipient: '137****1111',
      templateId: 'ack-sms-zh',
    });
    expect(sent.raw).not.toContain('13700001111');

    const res = await request(harness.service.app.getHttpServer())
      .get(`/v1/notifications?complaintId=${event.subject}`)
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 1, recipientMasked: '137****1111' }),
    ]);
  });

  it('contacts nobody who asked not to be contacted, and shows why', async () => {
    const event = received('none');
    await deliver(harness.probe, event);

    await eventually(async () => {
      const res = await request(harness.service.app.getHttpServer())
        .get(`/v1/notifications?complaintId=${event.subject}`)
        .set('authorization', await bearer(['ops:read']))
        .expect(200);
      expect(res.body.items).toEqual([expect.objectContaining({ status: 'suppressed' })]);
    });
    expect(harness.probe.records.filter((r) => r.key === event.subject)).toHaveLength(0);
  });
});
