import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@complaints/kafka';
import { eventually, StoreDatabase, storeDatabase } from '@complaints/testing';
import { failedEvent, sentEvent } from '../../src/application/outcome-events';
import { ClaimedDelivery, NewDelivery } from '../../src/application/ports/delivery-store';
import { NOTIFICATION_SCHEMA } from '../../src/notification.module';
import { NOTIFICATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import {
  DELIVERY_WAKE_CHANNEL,
  TypeormDeliveryStore,
} from '../../src/infrastructure/persistence/typeorm-delivery.store';

const T0 = new Date('2026-12-04T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function planned(overrides: Partial<NewDelivery> = {}): NewDelivery {
  const complaintId = randomUUID();
  return {
    id: randomUUID(),
    eventId: randomUUID(),
    eventType: 'complaint.received',
    subject: complaintId,
    complaintId,
    correlationId: randomUUID(),
    audience: 'customer',
    recipientKey: 'customer',
    channel: 'email',
    language: 'en',
    templateVersion: 2,
    recipientMasked: 'c***@example.com',
    variables: { reference: 'CMP-20261204-000001' },
    status: 'pending',
    dueAt: T0,
    ...overrides,
  };
}

describe('delivery store on a real database: recording and settling in one statement each', () => {
  let url: string;
  let dataSource: DataSource;
  let database: StoreDatabase;
  let store: TypeormDeliveryStore;

  beforeAll(async () => {
    database = await storeDatabase(
      'notification_delivery_store',
      NOTIFICATION_SCHEMA,
      NOTIFICATION_MIGRATIONS,
    );
    ({ url, dataSource } = database);
    store = new TypeormDeliveryStore(dataSource, new OutboxWriter(NOTIFICATION_SCHEMA));
  });

  afterAll(() => database?.close());

  const rowOf = async (id: string) =>
    (await dataSource.query('SELECT * FROM delivery WHERE id = $1', [id]))[0] as Record<string, unknown>;
  const attemptsOf = async (id: string) =>
    (await dataSource.query(
      'SELECT attempt, outcome, error, provider_message_id FROM delivery_attempt WHERE delivery_id = $1 ORDER BY attempt',
      [id],
    )) as Record<string, unknown>[];
  const outboxFor = async (complaintId: string) =>
    (await dataSource.query('SELECT type FROM outbox WHERE aggregateid = $1 ORDER BY position', [
      complaintId,
    ])) as { type: string }[];

  it("records an event's deliveries once, with the one attempt of those that can never be sent, and wakes the workers", async () => {
    // Given a pending delivery and one that can never be sent, for one event
    const pending = planned();
    const undeliverable = planned({
      eventId: pending.eventId,
      recipientKey: 'team-lead',
      audience: 'team-lead',
      status: 'failed',
      error: 'no template for complaint.received to team-lead by email in en',
    });
    const listener = new Client({ connectionString: url });
    await listener.connect();
    const wakes: string[] = [];
    listener.on('notification', (n) => wakes.push(n.channel));
    await listener.query(`LISTEN ${DELIVERY_WAKE_CHANNEL}`);

    // When they are recorded, and the same event is recorded again (a redelivery)
    const first = await dataSource.transaction((em) => store.record(em, [pending, undeliverable]));
    const again = await dataSource.transaction((em) =>
      store.record(em, [
        { ...pending, id: randomUUID() },
        { ...undeliverable, id: randomUUID() },
      ]),
    );

    // Then the first call inserted both, the second nothing
    expect(first.map((d) => d.id)).toEqual([pending.id, undeliverable.id]);
    expect(again).toEqual([]);
    expect(await rowOf(pending.id)).toMatchObject({ status: 'pending', attempts: 0, due_at: T0 });
    expect(await rowOf(undeliverable.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      due_at: null,
      permanent: true,
      failed_at: T0,
    });
    expect(await attemptsOf(pending.id)).toEqual([]);
    expect(await attemptsOf(undeliverable.id)).toEqual([
      { attempt: 1, outcome: 'failed', error: undeliverable.error, provider_message_id: null },
    ]);
    // And the workers were woken by the first recording
    await eventually(() => expect(wakes).toContain(DELIVERY_WAKE_CHANNEL));
    await listener.end();
  });

  it('settles a group of sent, retried, failed and held deliveries with their attempts and events, and nothing for a lost lease', async () => {
    // Given five deliveries leased by one worker
    const deliveries = Array.from({ length: 5 }, () => planned());
    await dataSource.transaction((em) => store.record(em, deliveries));
    const claimed = await store.claimDue(at(1), at(60), 10);
    const byId = new Map(claimed.map((c) => [c.id, c]));
    const [sent, retried, failed, held, stolen] = deliveries.map((d) => byId.get(d.id) as ClaimedDelivery);
    // ... and one of them taken over by another worker after its lease expired
    const takenOver = at(120);
    await dataSource.query('UPDATE delivery SET lease_until = $2 WHERE id = $1', [stolen.id, takenOver]);

    // When the worker settles all five at once
    const attempt = { attempt: 1, startedAt: at(2), finishedAt: at(3) };
    const outcomes = await Promise.all([
      store.settle(
        sent,
        { kind: 'sent', providerMessageId: 'smtp-1', ...attempt },
        sentEvent(sent, 1, at(3)),
      ),
      store.settle(retried, { kind: 'retry', error: '503', nextAttemptAt: at(30), ...attempt }, null),
      store.settle(
        failed,
        { kind: 'failed', error: '550 rejected', permanent: true, ...attempt },
        failedEvent(failed, 1, { error: '550 rejected', permanent: true }, at(3)),
      ),
      store.settle(held, { kind: 'held', until: at(3600), reason: 'quiet-hours' }, null),
      store.settle(
        stolen,
        { kind: 'sent', providerMessageId: 'smtp-late', ...attempt },
        sentEvent(stolen, 1, at(3)),
      ),
    ]);

    // Then each is recorded as its outcome says, except the one whose lease was lost
    expect(outcomes).toEqual([true, true, true, true, false]);
    expect(await rowOf(sent.id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      provider_message_id: 'smtp-1',
      sent_at: at(3),
      lease_until: null,
      error: null,
    });
    expect(await rowOf(retried.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      due_at: at(30),
      error: '503',
      lease_until: null,
    });
    expect(await rowOf(failed.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: '550 rejected',
      permanent: true,
      failed_at: at(3),
    });
    expect(await rowOf(held.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      due_at: at(3600),
      hold_reason: 'quiet-hours',
      lease_until: null,
    });
    expect(await rowOf(stolen.id)).toMatchObject({ status: 'sending', lease_until: takenOver, attempts: 0 });

    // And one attempt row per real attempt (a hold is not one), and one event per reported outcome
    expect(await attemptsOf(sent.id)).toEqual([
      { attempt: 1, outcome: 'sent', error: null, provider_message_id: 'smtp-1' },
    ]);
    expect(await attemptsOf(retried.id)).toEqual([
      { attempt: 1, outcome: 'retry', error: '503', provider_message_id: null },
    ]);
    expect(await attemptsOf(failed.id)).toEqual([
      { attempt: 1, outcome: 'failed', error: '550 rejected', provider_message_id: null },
    ]);
    expect(await attemptsOf(held.id)).toEqual([]);
    expect(await attemptsOf(stolen.id)).toEqual([]);
    expect(await outboxFor(sent.complaintId as string)).toEqual([{ type: 'notification.sent' }]);
    expect(await outboxFor(failed.complaintId as string)).toEqual([{ type: 'notification.failed' }]);
    expect(await outboxFor(stolen.complaintId as string)).toEqual([]);
  });
});
