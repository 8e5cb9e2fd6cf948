import { DataSource } from 'typeorm';
import { deadLetterTopic, EventEnvelope, ServiceName } from '@complaints/contracts';
import { eventually } from './eventually';
import { PoisonBatch, SentRecord } from './poison-records';
import { ObservedRecord, TopicProbe } from './topic-probe';

/** The dead letters of a record: those naming its topic, partition and offset as their original. */
export function lettersFor(
  probe: TopicProbe,
  consumer: ServiceName,
  sent: SentRecord<unknown>,
): ObservedRecord[] {
  return probe.records.filter(
    (r) =>
      r.topic === deadLetterTopic(consumer) &&
      r.headers['x-original-topic'] === sent.topic &&
      r.headers['x-original-partition'] === String(sent.partition) &&
      r.headers['x-original-offset'] === sent.offset,
  );
}

/**
 * Every poison record has exactly one dead letter, sent at the first attempt (nothing that can never parse is
 * worth a retry), copying its key, value and headers and naming where it came from and what is wrong; the good
 * event after them has none. The probe must watch the consumer's dead-letter topic.
 */
export async function expectDeadLettered(
  probe: TopicProbe,
  consumer: ServiceName,
  batch: PoisonBatch,
  good: SentRecord<EventEnvelope>,
): Promise<void> {
  await eventually(() => {
    const missing = batch.sent.filter((s) => lettersFor(probe, consumer, s).length === 0);
    if (missing.length > 0) {
      throw new Error(`not dead-lettered: ${missing.map((s) => s.record.label).join('; ')}`);
    }
  });
  for (const sent of batch.sent) {
    const { record } = sent;
    const letters = lettersFor(probe, consumer, sent);
    expect({ poison: record.label, letters: letters.length }).toEqual({ poison: record.label, letters: 1 });
    const [letter] = letters;
    expect({
      poison: record.label,
      key: letter.key,
      value: letter.bytes,
      headers: letter.headers,
    }).toEqual({
      poison: record.label,
      key: record.key,
      value: record.value,
      headers: {
        ...record.headers,
        'x-original-topic': sent.topic,
        'x-original-partition': String(sent.partition),
        'x-original-offset': sent.offset,
        'x-consumer': consumer,
        'x-error-reason': record.reason,
        'x-error-message': expect.stringMatching(
          new RegExp(`^${record.reason}: [\\s\\S]*${escape(record.mentions)}`),
        ),
        'x-attempts': '1',
        'x-failed-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
  }
  expect(lettersFor(probe, consumer, good)).toEqual([]);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a record can be traced by in a service's state. */
export interface Traceable {
  readonly complaintId?: string;
  readonly eventId?: string;
}

/**
 * Nothing of the service's state names a poison record: no row in any table of its schema with a complaint_id,
 * event_id or caused_by column holding one of their ids (the inbox included), and no outbox event about their
 * complaints or caused by their events. Run it once a good event after them has been handled.
 */
export async function expectNothingKeptFor(dataSource: DataSource, batch: PoisonBatch): Promise<void> {
  await expectNoTraceOf(
    dataSource,
    batch.sent.map((s) => s.record),
  );
}

/** The check of expectNothingKeptFor, for any records that must have left nothing behind. */
export async function expectNoTraceOf(dataSource: DataSource, records: readonly Traceable[]): Promise<void> {
  const complaintIds = records.flatMap((r) => (r.complaintId ? [r.complaintId] : []));
  const eventIds = records.flatMap((r) => (r.eventId ? [r.eventId] : []));
  const columns: { table_name: string; column_name: string }[] = await dataSource.query(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type = 'uuid'
       AND column_name IN ('complaint_id', 'event_id', 'caused_by')`,
  );
  expect(columns).toContainEqual({ table_name: 'inbox', column_name: 'event_id' });
  const kept: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const ids = column === 'complaint_id' ? complaintIds : eventIds;
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" = ANY($1::uuid[])`,
      [ids],
    );
    if (n > 0) kept.push(`${n} row(s) in ${table} by ${column}`);
  }
  const [{ n: emitted }] = await dataSource.query(
    `SELECT count(*)::int AS n FROM outbox WHERE aggregateid = ANY($1) OR payload->>'causationid' = ANY($2)`,
    [complaintIds, eventIds],
  );
  if (emitted > 0) kept.push(`${emitted} outbox event(s)`);
  expect(kept).toEqual([]);
}

/** Nothing the probe saw on the service's own topics is about a poison record or caused by one. */
export function expectNothingPublishedFor(probe: TopicProbe, topics: string[], batch: PoisonBatch): void {
  const complaintIds = new Set(
    batch.sent.flatMap((s) => (s.record.complaintId ? [s.record.complaintId] : [])),
  );
  const eventIds = new Set(batch.sent.flatMap((s) => (s.record.eventId ? [s.record.eventId] : [])));
  const published = probe.records.filter((r) => {
    if (!topics.includes(r.topic)) return false;
    const causation = (r.value as { causationid?: unknown } | null)?.causationid;
    return (
      (r.key !== null && complaintIds.has(r.key)) ||
      (typeof causation === 'string' && eventIds.has(causation))
    );
  });
  expect(published.map((r) => `${r.topic} ${r.headers['ce_type']} ${r.key}`)).toEqual([]);
}

/** Waits until the consumer has committed its inbox row for the event: it was handled, not skipped or refused. */
export async function expectHandled(dataSource: DataSource, envelope: EventEnvelope): Promise<void> {
  await eventually(async () => {
    const rows: unknown[] = await dataSource.query('SELECT 1 FROM inbox WHERE event_id = $1', [envelope.id]);
    if (rows.length === 0) throw new Error(`${envelope.type} ${envelope.id} has not been handled`);
  });
}
