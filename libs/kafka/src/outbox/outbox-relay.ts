import { Client } from 'pg';
import { CompressionTypes, Kafka, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventEnvelope } from '@complaints/contracts';
import { JsonLogger, Metrics } from '@complaints/observability';
import { toKafkaMessage } from './kafka-record';
import { outboxChannel } from './outbox-writer';

export interface OutboxRelayOptions {
  schema: string;
  /** Connection URL for the LISTEN connection (the same database and role as the DataSource). */
  databaseUrl: string;
  batchSize?: number;
  /** Fallback poll when no NOTIFY arrives (a NOTIFY can be missed while the listener reconnects). */
  pollIntervalMs?: number;
}

interface OutboxRow {
  position: string;
  topic: string;
  payload: EventEnvelope;
}

/**
 * Publishes committed outbox rows to Kafka in `position` order. A transaction-scoped advisory lock makes this the
 * only active relay of the schema, so several replicas never reorder one complaint's events. If the process dies
 * between send and commit the rows are sent again with the same event ids, and consumers' inboxes drop them.
 */
export class OutboxRelay {
  private readonly producer: Producer;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** Set by a NOTIFY that arrives while a batch is in flight, so the loop does not sleep past it. */
  private notified = false;
  private listener?: Client;
  private lastSuccess = 0;
  private lastError?: string;

  constructor(
    kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly options: OutboxRelayOptions,
    private readonly logger: JsonLogger,
    private readonly metrics: Metrics,
  ) {
    this.producer = kafka.producer({
      // One request in flight keeps per-partition order across retries. kafkajs's idempotent mode is
      // experimental and wants unbounded retries; the consumers' inbox is the real duplicate guard.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  async start(): Promise<void> {
    await this.producer.connect();
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    await this.producer.disconnect();
  }

  /** Healthy while running and not failing for longer than a few poll intervals. */
  async check(): Promise<void> {
    if (!this.running) throw new Error('outbox relay is not running');
    if (this.lastError && Date.now() - this.lastSuccess > 10 * this.pollIntervalMs) {
      throw new Error(`outbox relay failing: ${this.lastError}`);
    }
  }

  /** Publishes one batch; returns how many rows went out (0 when another replica holds the lock). */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      // The lock and the read in one round trip: no rows either when another replica holds the lock or when
      // nothing is waiting. The commit need not wait for the disk: marks lost in a crash only mean those rows are
      // sent again, with the same event ids, which consumers' inboxes drop (as after any crash between send and
      // commit).
      const rows: OutboxRow[] = await em.query(
        `WITH relay AS (
           SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked,
             set_config('synchronous_commit', 'off', true) AS durability)
         SELECT position, topic, payload FROM outbox, relay
         WHERE relay.locked AND published_at IS NULL ORDER BY position LIMIT $2`,
        [`outbox-relay:${this.options.schema}`, this.batchSize],
      );
      if (rows.length === 0) return 0;
      await this.producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: groupByTopic(rows),
      });
      await em.query('UPDATE outbox SET published_at = now() WHERE position = ANY($1::bigint[])', [
        rows.map((r) => r.position),
      ]);
      this.metrics.counter('outbox_published_total', 'Events published from the outbox').inc(rows.length);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let backoffMs = 100;
    while (this.running) {
      try {
        this.notified = false;
        const sent = await this.publishBatch();
        this.lastSuccess = Date.now();
        this.lastError = undefined;
        backoffMs = 100;
        if (sent === this.batchSize || this.notified) continue;
        await this.sleep(this.pollIntervalMs);
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.warn('outbox relay batch failed; retrying', { error: this.lastError, backoffMs });
        await this.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5000);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** LISTEN on the schema's channel so a commit wakes the relay at once instead of at the next poll. */
  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: 'outbox-relay',
    });
    client.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    client.on('error', (error) => {
      this.logger.warn('outbox listener lost its connection; polling until it is back', {
        error: error.message,
      });
      this.listener = undefined;
      setTimeout(() => this.running && this.listen().catch(() => undefined), 1000);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${outboxChannel(this.options.schema)}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn('outbox listener could not connect; polling only', {
        error: (error as Error).message,
      });
      await client.end().catch(() => undefined);
      if (this.running) setTimeout(() => this.running && this.listen().catch(() => undefined), 1000);
    }
  }
}

function groupByTopic(rows: OutboxRow[]): { topic: string; messages: ReturnType<typeof toKafkaMessage>[] }[] {
  const byTopic = new Map<string, ReturnType<typeof toKafkaMessage>[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push(toKafkaMessage(row.payload));
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
