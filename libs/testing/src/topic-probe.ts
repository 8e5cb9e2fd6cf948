import { randomUUID } from 'node:crypto';
import { Consumer, IHeaders, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';

/** Every probe's consumer group id starts with this. */
export const PROBE_GROUP_PREFIX = 'probe-';

export interface ObservedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  /** The value parsed as JSON, or the raw string when it is not JSON (poison messages). */
  value: unknown;
  raw: string;
  /** The value's bytes exactly as on the wire (null for a null value): what a dead letter must copy. */
  bytes: Buffer | null;
  /** When this process received it (ms since epoch): latency measurements read it. */
  receivedAt: number;
  /** The record's own timestamp (ms since epoch): when its producer sent it. */
  producedAt: number;
}

/**
 * Reads topics from the beginning with a throw-away group and keeps every record, so tests can wait for an event
 * on the real wire. Also writes raw records (for poison-message tests). Test-only code, like ensureTopics: the
 * one other place allowed to use kafkajs directly.
 */
export class TopicProbe {
  readonly records: ObservedRecord[] = [];
  /** Positions (topic/partition/offset) already recorded. */
  private readonly seen = new Set<string>();
  private readonly consumer: Consumer;
  private readonly producer: Producer;

  constructor(
    brokers: string[],
    private readonly topics: string[],
  ) {
    const kafka = new Kafka({ clientId: 'topic-probe', brokers, logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({
      groupId: `${PROBE_GROUP_PREFIX}${randomUUID()}`,
      maxWaitTimeInMs: 200,
      allowAutoTopicCreation: false,
    });
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async start(): Promise<this> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    const joined = new Promise<void>((resolve) =>
      this.consumer.on(this.consumer.events.GROUP_JOIN, () => resolve()),
    );
    await this.consumer.run({
      // A throw-away group never resumes, so it commits nothing: offset commits after every fetch were the
      // broker's busiest work in the end-to-end benchmark, billed to the platform.
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        // Committing nothing, the probe reads its topics from the start again whenever it rejoins (after a broker
        // restart, say): a record at an offset already seen is that re-read, not a second copy on the wire.
        const position = `${topic}/${partition}/${message.offset}`;
        if (this.seen.has(position)) return;
        this.seen.add(position);
        const raw = message.value?.toString('utf8') ?? '';
        this.records.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          headers: flattenHeaders(message.headers),
          value: tryJson(raw),
          raw,
          bytes: message.value,
          receivedAt: Date.now(),
          producedAt: Number(message.timestamp),
        });
      },
    });
    await joined;
    return this;
  }

  async send(topic: string, key: string, value: string, headers: Record<string, string> = {}): Promise<void> {
    await this.producer.send({ topic, messages: [{ key, value, headers }] });
  }

  /**
   * Writes one record exactly as given, however broken: raw bytes, a null key or value, a chosen partition.
   * Returns where it landed, which is how a dead letter names its original.
   */
  async sendRecord(
    topic: string,
    record: {
      key: string | null;
      value: Buffer | string | null;
      headers?: Record<string, string>;
      partition?: number;
    },
  ): Promise<{ partition: number; offset: string }> {
    const [landed] = await this.producer.send({ topic, messages: [record] });
    const offset = landed?.baseOffset ?? landed?.offset;
    if (!landed || offset === undefined)
      throw new Error(`the broker did not say where the record on ${topic} went`);
    return { partition: landed.partition, offset };
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }
}

function flattenHeaders(headers: IHeaders | undefined): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) flat[name] = first.toString();
  }
  return flat;
}

function tryJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
