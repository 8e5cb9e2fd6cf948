import { randomUUID } from 'node:crypto';
import {
  EVENT_CATALOGUE,
  EventEnvelope,
  EventType,
  EXAMPLE_EVENTS,
  PoisonMessageError,
  Topic,
} from '@complaints/contracts';
import { freshEvent } from './deliver';
import { TopicProbe } from './topic-probe';

/** Why the consumer host must refuse a record (the `x-error-reason` of its dead letter). */
export type PoisonReason = PoisonMessageError['reason'];

/** A record no consumer can ever process, and what its dead letter must say about it. */
export interface PoisonRecord {
  readonly label: string;
  readonly reason: PoisonReason;
  /** Text the `x-error-message` must contain: the error names what is wrong, not just that something is. */
  readonly mentions: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
  /** The complaint the record names (its key and subject), so a test can show nothing was kept for it. */
  readonly complaintId?: string;
  /** The event id it carries, so a test can show no inbox row and no follow-up event exists for it. */
  readonly eventId?: string;
}

export interface SentRecord<T> {
  readonly record: T;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** Poison records on one topic, all on one partition: a good event sent after them is handled after them. */
export interface PoisonBatch {
  readonly topic: string;
  readonly partition: number;
  readonly sent: SentRecord<PoisonRecord>[];
}

type Json = Record<string, unknown>;

/** The handlers' declared types grouped by the topic that carries them, as the consumer host subscribes. */
export function consumedTypesByTopic(handlers: { consumes: readonly string[] }[]): Map<Topic, EventType[]> {
  const byTopic = new Map<Topic, EventType[]>();
  for (const type of new Set(handlers.flatMap((h) => h.consumes))) {
    const { topic } = EVENT_CATALOGUE[type as EventType];
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), type as EventType]);
  }
  return byTopic;
}

/** The contract's example of a type as wire JSON, about a complaint no other record names, with a fresh id. */
function exampleAbout(type: EventType, complaintId: string): Json {
  const envelope = JSON.parse(JSON.stringify(freshEvent(EXAMPLE_EVENTS[type]))) as Json;
  const data = envelope.data as Json;
  if ('complaintId' in data) data.complaintId = complaintId;
  return { ...envelope, subject: complaintId };
}

/** The ce_* headers a real producer writes (see deliver and the outbox relay). */
export function producerHeaders(
  type: string,
  id: string,
  schemaVersion: number | string,
): Record<string, string> {
  return {
    'content-type': 'application/cloudevents+json; charset=UTF-8',
    ce_id: id,
    ce_type: type,
    ce_schemaversion: String(schemaVersion),
  };
}

/** A JSON value of another kind than the one given: what a producer with the wrong type for a field sends. */
function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'twelve';
  if (typeof value === 'boolean') return 'yes';
  return 'not an object';
}

/** `type` with one field of the wrong type and the next field missing; the error must name the first. */
function brokenDataRecord(type: EventType): PoisonRecord {
  const complaintId = randomUUID();
  const envelope = exampleAbout(type, complaintId);
  const data = envelope.data as Json;
  const [wrong, missing] = Object.keys(data).filter((field) => field !== 'complaintId');
  data[wrong] = wrongTypeFor(data[wrong]);
  delete data[missing];
  const id = envelope.id as string;
  return {
    label: `${type} whose data.${wrong} has the wrong type and data.${missing} is missing`,
    reason: 'invalid-data',
    mentions: `data.${wrong}`,
    key: complaintId,
    value: Buffer.from(JSON.stringify(envelope)),
    headers: producerHeaders(type, id, EVENT_CATALOGUE[type].version),
    complaintId,
    eventId: id,
  };
}

/** The nested blocks (objects, not lists) of a type's data, in the example's order: customer, actor, ... */
function nestedBlocksOf(type: EventType): string[] {
  const data = exampleAbout(type, randomUUID()).data as Json;
  return Object.keys(data).filter((field) => {
    const value = data[field];
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  });
}

/**
 * `type` without its first nested block (always a required one: customer, actor, previous), and with its last
 * one given as a list: an empty list is not an object, though a nested check alone lets it through.
 */
function brokenBlockRecords(type: EventType): PoisonRecord[] {
  const blocks = nestedBlocksOf(type);
  if (blocks.length === 0) return [];
  const broken = (label: string, block: string, change: (data: Json) => void): PoisonRecord => {
    const complaintId = randomUUID();
    const envelope = exampleAbout(type, complaintId);
    change(envelope.data as Json);
    const id = envelope.id as string;
    return {
      label: `${type} ${label}`,
      reason: 'invalid-data',
      mentions: `data.${block}`,
      key: complaintId,
      value: Buffer.from(JSON.stringify(envelope)),
      headers: producerHeaders(type, id, EVENT_CATALOGUE[type].version),
      complaintId,
      eventId: id,
    };
  };
  const [first] = blocks;
  const last = blocks[blocks.length - 1];
  return [
    broken(`without its data.${first} block`, first, (data) => delete data[first]),
    broken(`whose data.${last} block is an empty list`, last, (data) => (data[last] = [])),
  ];
}

/** `type` announced at a schema version no build of this consumer knows. */
function unknownVersionRecord(type: EventType): PoisonRecord {
  const complaintId = randomUUID();
  const envelope: Json = { ...exampleAbout(type, complaintId), schemaversion: 99 };
  const id = envelope.id as string;
  return {
    label: `${type} at schema version 99`,
    reason: 'unsupported-version',
    mentions: `${type} v99 is not supported`,
    key: complaintId,
    value: Buffer.from(JSON.stringify(envelope)),
    headers: producerHeaders(type, id, 99),
    complaintId,
    eventId: id,
  };
}

/**
 * `type` with a field its contract does not know holding an object with a "constructor" key: class-transformer
 * cannot copy it, which once surfaced as a TypeError the consumer retried forever instead of a dead letter.
 */
function unreadableRecord(type: EventType): PoisonRecord {
  const complaintId = randomUUID();
  const envelope = exampleAbout(type, complaintId);
  (envelope.data as Json).extension = { constructor: 'x' };
  const id = envelope.id as string;
  return {
    label: `${type} with an unknown field holding an object with a "constructor" key`,
    reason: 'invalid-data',
    mentions: 'unreadable',
    key: complaintId,
    value: Buffer.from(JSON.stringify(envelope)),
    headers: producerHeaders(type, id, EVENT_CATALOGUE[type].version),
    complaintId,
    eventId: id,
  };
}

/**
 * What must end on the consumer's dead-letter topic when published on a topic it reads, for the types it handles
 * there (the first is used where one type stands for all): bytes that are not JSON (with and without headers that
 * claim a handled type), a null value with no key, JSON that is not an envelope, a type no contract knows (with and
 * without the ce_type header naming it), data the transformer library cannot copy, and for every handled type,
 * data breaking its contract (a field of the wrong type and one missing, a nested block missing or given as a
 * list) and an unknown schema version.
 */
export function poisonRecordsFor(types: readonly EventType[]): PoisonRecord[] {
  const [claimed] = types;
  const notAnEnvelope = randomUUID();
  const notAnEnvelopeValue = exampleAbout(claimed, notAnEnvelope);
  delete notAnEnvelopeValue.id;
  delete notAnEnvelopeValue.type;
  delete notAnEnvelopeValue.specversion;
  const unknownType = `${claimed.split('.')[0]}.not-in-any-contract`;
  const unknownTyped = (announced: boolean): PoisonRecord => {
    const complaintId = randomUUID();
    const envelope: Json = { ...exampleAbout(claimed, complaintId), type: unknownType };
    const id = envelope.id as string;
    return {
      label: `an event of a type no contract knows, ${announced ? 'named in its ce_type header' : 'without headers'}`,
      reason: 'unknown-type',
      mentions: `no contract for type ${unknownType}`,
      key: complaintId,
      value: Buffer.from(JSON.stringify(envelope)),
      headers: announced ? producerHeaders(unknownType, id, 1) : {},
      complaintId,
      eventId: id,
    };
  };
  const bytesKey = randomUUID();
  const claimingKey = randomUUID();
  return [
    {
      label: 'bytes that are not JSON',
      reason: 'malformed-json',
      mentions: 'JSON',
      key: bytesKey,
      value: Buffer.concat([Buffer.from([0x00, 0xff, 0xfe]), Buffer.from(' not json')]),
      headers: {},
      complaintId: bytesKey,
    },
    {
      label: `truncated JSON whose headers claim ${claimed}`,
      reason: 'malformed-json',
      mentions: 'JSON',
      key: claimingKey,
      value: Buffer.from('{"specversion":"1.0","id":'),
      headers: producerHeaders(claimed, randomUUID(), EVENT_CATALOGUE[claimed].version),
      complaintId: claimingKey,
    },
    {
      label: 'a null value without a key',
      reason: 'malformed-json',
      mentions: 'JSON',
      key: null,
      value: null,
      headers: {},
    },
    {
      label: `JSON that is not a CloudEvents envelope (no id, type or specversion), claiming ${claimed}`,
      reason: 'invalid-envelope',
      mentions: 'specversion',
      key: notAnEnvelope,
      value: Buffer.from(JSON.stringify(notAnEnvelopeValue)),
      headers: producerHeaders(claimed, randomUUID(), EVENT_CATALOGUE[claimed].version),
      complaintId: notAnEnvelope,
    },
    unknownTyped(true),
    unknownTyped(false),
    unreadableRecord(claimed),
    ...types.flatMap((type) => [
      brokenDataRecord(type),
      ...brokenBlockRecords(type),
      unknownVersionRecord(type),
    ]),
  ];
}

/** Publishes the records in order on one partition of the topic (the one the first record's key picks). */
export async function sendPoisonRecords(
  probe: TopicProbe,
  topic: string,
  records: PoisonRecord[],
): Promise<PoisonBatch> {
  const sent: SentRecord<PoisonRecord>[] = [];
  let partition: number | undefined;
  for (const record of records) {
    const { key, value, headers } = record;
    const landed = await probe.sendRecord(topic, { key, value, headers, partition });
    partition ??= landed.partition;
    sent.push({ record, topic, ...landed });
  }
  if (partition === undefined) throw new Error('no poison records to send');
  return { topic, partition, sent };
}

/** A valid event, as the relay writes it, on the batch's partition after its poison records. */
export async function deliverAfter(
  probe: TopicProbe,
  batch: PoisonBatch,
  envelope: EventEnvelope,
): Promise<SentRecord<EventEnvelope>> {
  const landed = await probe.sendRecord(batch.topic, {
    key: envelope.subject,
    value: JSON.stringify(envelope),
    headers: producerHeaders(envelope.type, envelope.id, envelope.schemaversion),
    partition: batch.partition,
  });
  return { record: envelope, topic: batch.topic, ...landed };
}
