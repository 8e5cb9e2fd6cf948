import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  deadLetterTopic,
  EnvelopeOf,
  EventEnvelope,
  EventType,
  EXAMPLE_EVENTS,
  NewEvent,
  Topic,
  TOPICS,
} from '@complaints/contracts';
import { AesGcmKeyring, sealContact } from '@complaints/data-protection';
import { EVENT_HANDLERS, EventHandler } from '@complaints/kafka';
import {
  bearer,
  consumedTypesByTopic,
  deliverAfter,
  eventually,
  expectDeadLettered,
  expectDamagedEventsEndOneWay,
  expectHandled,
  expectNothingKeptFor,
  expectNothingPublishedFor,
  freshEvent,
  poisonRecordsFor,
  sendPoisonRecords,
  useServiceHarness,
} from '@complaints/testing';
import { NotificationModule, NOTIFICATION_SCHEMA } from '../../src/notification.module';
import { NOTIFICATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { HttpTestServer } from '../support/http-test-server';
import { CONTACT_KEYS, notificationTestEnv } from '../support/notification-test-env';
import { SmtpTestServer } from '../support/smtp-test-server';

/** The contract's example of a type, about a complaint no other event names, with the data changes given. */
function exampleAbout<T extends EventType>(type: T, changes: Record<string, unknown> = {}): EnvelopeOf<T> {
  const example = EXAMPLE_EVENTS[type] as NewEvent<EventType>;
  const complaintId = randomUUID();
  return freshEvent({
    ...example,
    subject: complaintId,
    data: { ...example.data, complaintId, ...changes },
  } as NewEvent<EventType>) as unknown as EnvelopeOf<T>;
}

/**
 * Poison on each topic notification reads: each record ends, once, on complaints.notification.dlq with its error,
 * no profile, delivery or notification event exists for it (nobody is told anything), and the good event after it
 * is still handled. A type no contract knows is dead-lettered too, not skipped: the contract says so
 * (docs/asyncapi.yaml, "Dead letters").
 */
describe('notification dead-letters poison events on every topic it reads, and keeps consuming', () => {
  const smtp = new SmtpTestServer();
  const sms = new HttpTestServer();
  beforeAll(async () => {
    await smtp.start();
    await sms.start();
  });
  afterAll(async () => {
    await smtp.stop();
    await sms.stop();
  });
  const harness = useServiceHarness({
    label: 'notification_poison',
    schema: NOTIFICATION_SCHEMA,
    migrations: NOTIFICATION_MIGRATIONS,
    module: (url) =>
      NotificationModule.register(notificationTestEnv(url, { smtpPort: smtp.port, smsGatewayUrl: sms.url })),
    watch: [TOPICS.notificationDeliveries, deadLetterTopic('notification')],
  });
  const dataSource = () => harness.service.app.get(DataSource);
  const consumed = () =>
    consumedTypesByTopic(harness.service.app.get<symbol, EventHandler[]>(EVENT_HANDLERS));

  // Given an ops mailbox for every team, so a breach has someone to tell
  beforeAll(async () => {
    await request(harness.service.app.getHttpServer())
      .put('/v1/staff-recipients')
      .set('authorization', await bearer(['admin'], 'ops-console', 'admin-1'))
      .send({
        recipients: [
          {
            id: 'ops-mail',
            audience: 'ops',
            team: '*',
            channel: 'email',
            address: 'ops@bank.example',
            language: 'en',
          },
        ],
      })
      .expect(200);
  });

  const profileOf = (complaintId: string) =>
    eventually(async () => {
      const [profile] = await dataSource().query(
        'SELECT reference, urgency, team FROM complaint_profile WHERE complaint_id = $1',
        [complaintId],
      );
      if (!profile) throw new Error(`no profile of ${complaintId} yet`);
      return profile;
    });
  /** The notification.sent events a good event caused: someone was really told, by the worker, after it. */
  const sentFor = (eventId: string, count: number) =>
    eventually(() => {
      const sent = harness.probe.records
        .filter((r) => r.topic === TOPICS.notificationDeliveries)
        .map((r) => r.value as { type: string; causationid?: string; data: { audience: string } })
        .filter((e) => e.type === 'notification.sent' && e.causationid === eventId);
      expect(sent).toHaveLength(count);
      return sent.map((e) => e.data.audience);
    });

  /** A good event for the topic, and how to tell it was handled. */
  const goodEvents: Record<string, () => { envelope: EventEnvelope; applied: () => Promise<void> }> = {
    // A new complaint: its profile, and the customer's acknowledgement sent (to a contact sealed for this spec).
    [TOPICS.intakeLifecycle]: () => {
      const contact = sealContact(new AesGcmKeyring(CONTACT_KEYS.spec, CONTACT_KEYS.id), {
        name: '张三',
        phone: '13800138000',
      });
      const envelope = exampleAbout('complaint.received', { contact });
      const applied = async () => {
        expect(await profileOf(envelope.subject)).toMatchObject({ reference: envelope.data.reference });
        expect(await sentFor(envelope.id, 1)).toEqual(['customer']);
      };
      return { envelope, applied };
    },
    // A classification: the complaint's urgency.
    [TOPICS.classificationResults]: () => {
      const envelope = exampleAbout('complaint.classified');
      const applied = async () => {
        expect(await profileOf(envelope.subject)).toMatchObject({ urgency: 'urgent' });
      };
      return { envelope, applied };
    },
    // An assignment: the complaint's team.
    [TOPICS.escalationRouting]: () => {
      const envelope = exampleAbout('complaint.assigned');
      const applied = async () => {
        expect(await profileOf(envelope.subject)).toMatchObject({ team: envelope.data.team });
      };
      return { envelope, applied };
    },
    // A breach: ops is told.
    [TOPICS.slaClocks]: () => {
      const envelope = exampleAbout('sla.breached');
      const applied = async () => {
        expect(await sentFor(envelope.id, 1)).toEqual(['ops']);
      };
      return { envelope, applied };
    },
  };

  it('reads the intake lifecycle, classification results, routing and SLA clocks, each poisoned below', () => {
    expect(Object.fromEntries(consumed())).toEqual({
      [TOPICS.intakeLifecycle]: [
        'complaint.received',
        'complaint.awaiting-customer',
        'complaint.deadline-extended',
        'complaint.resolved',
      ],
      [TOPICS.classificationResults]: ['complaint.classified', 'complaint.reclassified'],
      [TOPICS.escalationRouting]: ['complaint.assigned', 'complaint.escalated', 'risk.warning-raised'],
      [TOPICS.slaClocks]: ['sla.warning', 'sla.breached'],
    });
  });

  it.each(Object.keys(goodEvents))(
    'dead-letters every poison record on %s, then handles the next event',
    async (topic) => {
      // Given poison records for each type notification handles on the topic, then a good event, on one partition
      const types = consumed().get(topic as Topic) ?? [];
      const batch = await sendPoisonRecords(harness.probe, topic, poisonRecordsFor(types));
      const { envelope, applied } = goodEvents[topic]();
      const good = await deliverAfter(harness.probe, batch, envelope);

      // Then the good event is handled after them
      await expectHandled(dataSource(), envelope);
      await applied();

      // And each poison record is on the dead-letter topic once, with its error, and nothing was kept or emitted
      await expectDeadLettered(harness.probe, 'notification', batch, good);
      await expectNothingKeptFor(dataSource(), batch);
      expectNothingPublishedFor(harness.probe, [TOPICS.notificationDeliveries], batch);
    },
  );

  it('ends each randomly damaged event in exactly one way: handled, or dead-lettered with nothing kept', async () => {
    // 80 damaged copies of the examples of the types it handles each end handled, or dead-lettered with nothing kept
    await expectDamagedEventsEndOneWay(harness.probe, dataSource(), 'notification', consumed());
  });
});
