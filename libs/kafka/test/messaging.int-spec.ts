import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  COMPLAINT_RECEIVED,
  createEnvelope,
  deadLetterTopic,
  EXAMPLE_EVENTS,
  EnvelopeOf,
  TOPICS,
} from '@complaints/contracts';
import { eventually, TopicProbe } from '@complaints/testing';
import {
  ConsumerHost,
  EventHandler,
  HandlerContext,
  OutboxWriter,
  toKafkaMessage,
  UnprocessableEventError,
} from '../src';
import { MessagingFixture, SCHEMA, startMessagingFixture } from './support/messaging-fixture';

/** Records each event it sees and emits a follow-up, or refuses complaints whose subject line says so. */
class RecordingHandler implements EventHandler<typeof COMPLAINT_RECEIVED> {
  readonly name = 'record-received';
  readonly consumes = [COMPLAINT_RECEIVED] as const;

  async handle(event: EnvelopeOf<typeof COMPLAINT_RECEIVED>, ctx: HandlerContext): Promise<void> {
    if (event.data.subject === 'refuse me')
      throw new UnprocessableEventError('this complaint can never apply');
    await ctx.em.query('INSERT INTO handled (event_id, subject) VALUES ($1, $2)', [event.id, event.subject]);
    const example = EXAMPLE_EVENTS['complaint.classified'].data;
    await ctx.emit({
      type: 'complaint.classified',
      subject: event.subject,
      data: { ...example, complaintId: event.subject, reference: event.data.reference },
    });
  }
}

function receivedEvent(
  overrides: { subject?: string; complaintId?: string } = {},
): EnvelopeOf<typeof COMPLAINT_RECEIVED> {
  const complaintId = overrides.complaintId ?? randomUUID();
  const example = EXAMPLE_EVENTS[COMPLAINT_RECEIVED];
  return createEnvelope({
    ...example,
    subject: complaintId,
    data: { ...example.data, complaintId, ...(overrides.subject ? { subject: overrides.subject } : {}) },
    id: randomUUID(),
  });
}

describe('outbox relay and consumer host on a real broker and database', () => {
  let fixture: MessagingFixture;
  let dataSource: DataSource;
  let host: ConsumerHost;
  let probe: TopicProbe;

  beforeAll(async () => {
    fixture = await startMessagingFixture(
      'kafka-lib',
      'CREATE TABLE handled (event_id uuid PRIMARY KEY, subject text NOT NULL)',
    );
    ({ dataSource, probe } = fixture);
    host = new ConsumerHost(
      fixture.kafka,
      dataSource,
      new OutboxWriter(SCHEMA),
      {
        service: 'classification',
        groupId: `kafka-int-test.${randomUUID()}`,
        handlers: [new RecordingHandler()],
      },
      fixture.logger,
      fixture.metrics,
    );
    await host.start();
  });

  afterAll(async () => {
    await host?.stop();
    await fixture?.stop();
  });

  it('publishes an event written in a committed transaction, keyed by its subject, with CloudEvents headers', async () => {
    // Given an event written to the outbox in a transaction that commits
    const event = createEnvelope({
      ...EXAMPLE_EVENTS['complaint.classified'],
      id: randomUUID(),
      subject: randomUUID(),
    });
    await dataSource.transaction((em) => new OutboxWriter(SCHEMA).enqueue(em, [event]));

    // Then it appears on its topic exactly as written
    const record = await eventually(() => {
      const found = probe.records.find((r) => r.headers['ce_id'] === event.id);
      if (!found) throw new Error('not published yet');
      return found;
    });
    expect(record.topic).toBe(TOPICS.classificationResults);
    expect(record.key).toBe(event.subject);
    expect(record.headers['ce_type']).toBe('complaint.classified');
    expect(record.value).toEqual(event);
  });

  it('publishes nothing from a transaction that rolls back', async () => {
    // Given an event written to the outbox in a transaction that then fails
    const event = createEnvelope({
      ...EXAMPLE_EVENTS['complaint.classified'],
      id: randomUUID(),
      subject: randomUUID(),
    });
    await expect(
      dataSource.transaction(async (em) => {
        await new OutboxWriter(SCHEMA).enqueue(em, [event]);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');

    // When a later event is committed and published (so the relay has certainly run since)
    const later = createEnvelope({
      ...EXAMPLE_EVENTS['complaint.classified'],
      id: randomUUID(),
      subject: randomUUID(),
    });
    await dataSource.transaction((em) => new OutboxWriter(SCHEMA).enqueue(em, [later]));
    await eventually(() => expect(probe.records.some((r) => r.headers['ce_id'] === later.id)).toBe(true));

    // Then the rolled-back event was never in the outbox and never on the wire
    expect(probe.records.some((r) => r.headers['ce_id'] === event.id)).toBe(false);
    const rows = await dataSource.query('SELECT 1 FROM outbox WHERE id = $1', [event.id]);
    expect(rows).toHaveLength(0);
  });

  it('handles an event delivered twice exactly once, with one follow-up event', async () => {
    // Given the same complaint.received delivered twice
    const event = receivedEvent();
    const message = toKafkaMessage(event);
    await probe.send(TOPICS.intakeLifecycle, event.subject, message.value as string, {
      ce_type: event.type,
      ce_id: event.id,
    });
    await probe.send(TOPICS.intakeLifecycle, event.subject, message.value as string, {
      ce_type: event.type,
      ce_id: event.id,
    });

    // Then the follow-up complaint.classified appears, caused by it and in its correlation
    const followUp = await eventually(() => {
      const found = probe.records.filter(
        (r) => r.topic === TOPICS.classificationResults && r.key === event.subject,
      );
      if (found.length === 0) throw new Error('no follow-up yet');
      return found;
    });
    expect(followUp[0].value).toMatchObject({ causationid: event.id, correlationid: event.correlationid });

    // And after a later event has gone through the same partition, still only one row and one follow-up
    const marker = receivedEvent({ complaintId: event.subject });
    await probe.send(TOPICS.intakeLifecycle, event.subject, toKafkaMessage(marker).value as string, {
      ce_type: marker.type,
    });
    await eventually(async () => {
      const rows = await dataSource.query('SELECT event_id FROM handled WHERE subject = $1', [event.subject]);
      expect(rows).toHaveLength(2);
    });
    const rows = await dataSource.query('SELECT 1 FROM handled WHERE event_id = $1', [event.id]);
    expect(rows).toHaveLength(1);
    await eventually(() =>
      expect(
        probe.records.filter((r) => r.topic === TOPICS.classificationResults && r.key === event.subject),
      ).toHaveLength(2),
    );
  });

  it('sends a message that is not JSON to the dead-letter topic with its error and keeps consuming', async () => {
    // Given a poison record followed by a good one on the same key
    const key = randomUUID();
    await probe.send(TOPICS.intakeLifecycle, key, '{not json', { ce_type: COMPLAINT_RECEIVED });
    const good = receivedEvent();
    await probe.send(TOPICS.intakeLifecycle, key, toKafkaMessage(good).value as string, {
      ce_type: good.type,
    });

    // Then the poison record is on the dead-letter topic, saying why
    const letter = await eventually(() => {
      const found = probe.records.find((r) => r.topic === deadLetterTopic('classification') && r.key === key);
      if (!found) throw new Error('not dead-lettered yet');
      return found;
    });
    expect(letter.raw).toBe('{not json');
    expect(letter.headers['x-error-reason']).toBe('malformed-json');
    expect(letter.headers['x-original-topic']).toBe(TOPICS.intakeLifecycle);

    // And the good record after it was still handled
    await eventually(async () => {
      const rows = await dataSource.query('SELECT 1 FROM handled WHERE event_id = $1', [good.id]);
      expect(rows).toHaveLength(1);
    });
  });

  it('dead-letters an event whose handler says it can never apply, and writes nothing for it', async () => {
    // Given an event the handler refuses
    const event = receivedEvent({ subject: 'refuse me' });
    await probe.send(TOPICS.intakeLifecycle, event.subject, toKafkaMessage(event).value as string, {
      ce_type: event.type,
    });

    // Then it is dead-lettered as unprocessable
    const letter = await eventually(() => {
      const found = probe.records.find(
        (r) => r.topic === deadLetterTopic('classification') && r.key === event.subject,
      );
      if (!found) throw new Error('not dead-lettered yet');
      return found;
    });
    expect(letter.headers['x-error-reason']).toBe('unprocessable');
    // And neither the inbox row nor any write of the handler survived
    expect(await dataSource.query('SELECT 1 FROM inbox WHERE event_id = $1', [event.id])).toHaveLength(0);
    expect(await dataSource.query('SELECT 1 FROM handled WHERE event_id = $1', [event.id])).toHaveLength(0);
  });
});
