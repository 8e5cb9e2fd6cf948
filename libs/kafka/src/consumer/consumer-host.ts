import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  AnyEnvelope,
  causedBy,
  createEnvelope,
  EVENT_CATALOGUE,
  EventType,
  isEventType,
  parseEnvelope,
  PoisonMessageError,
  ServiceName,
} from '@complaints/contracts';
import { isTransientDatabaseError } from '@complaints/persistence';
import { JsonLogger, Metrics, runWithLogContext } from '@complaints/observability';
import { headerValue } from '../outbox/kafka-record';
import { OutboxWriter } from '../outbox/outbox-writer';
import { backoffDelay } from './backoff';
import { handleInOneTransaction, logContextOf, ParsedEvent } from './batch-transaction';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { EventHandler, HandlerContext, UnprocessableEventError } from './event-handler';
import { CommittableOffset, OffsetCommitter } from './offset-committer';

export interface ConsumerHostOptions {
  service: ServiceName;
  /** `<service>.<purpose>`; one group per service and purpose, never shared across services. */
  groupId: string;
  handlers: EventHandler[];
  /**
   * Where a group with no committed offsets starts: 'earliest' (default: nothing retained is missed) or 'latest'
   * (a first deploy, or a test, that must not replay history). 'latest' commits the current end offsets before the
   * consumer runs, so nothing published after start-up can be skipped.
   */
  newGroupStart?: 'earliest' | 'latest';
  /** Attempts for a non-transient error before the message is dead-lettered (transient errors retry forever). */
  maxAttempts?: number;
  /** Most records handled in one transaction (default 100); 1 handles each record in its own transaction. */
  maxRecordsPerTransaction?: number;
  partitionsConsumedConcurrently?: number;
  sessionTimeoutMs?: number;
  /**
   * How long the broker may hold a fetch to gather `fetchMinBytes` (defaults 1000 ms and 1 byte: a fetch returns
   * as soon as anything arrives). A longer minimum means fewer, fuller fetches and commits under a trickle, at up
   * to `fetchMaxWaitMs` of latency per hop; the end-to-end benchmark could not tell the two apart reliably yet.
   */
  fetchMaxWaitMs?: number;
  fetchMinBytes?: number;
  /** How often the group's progress is committed (default 1000 ms; 0 after every batch). See OffsetCommitter. */
  commitIntervalMs?: number;
}

type Outcome = 'handled' | 'duplicate' | 'skipped' | 'dead-lettered';

/** What a record is before any handler runs. */
type Sorted =
  | { kind: 'skip' }
  | { kind: 'poison'; reason: string; error: string }
  | { kind: 'event'; event: ParsedEvent };

/**
 * Runs a service's event handlers. Per record: skip types no handler wants; parse the envelope (poison goes to the
 * dead-letter topic). The events of a fetched batch are then handled in runs of consecutive records, each run in
 * one transaction holding the inbox rows, the handlers' writes and their follow-up events (see
 * handleInOneTransaction). When a run fails it is rolled back and its events are handled one per transaction,
 * each with retries: transient failures (database or network down) retry in place with backoff and never reach
 * the dead-letter topic, so an outage cannot fill it with good messages; anything else is dead-lettered after
 * `maxAttempts`. Offsets are resolved run by run, in record order, and committed on an interval (OffsetCommitter).
 */
export class ConsumerHost {
  private consumer: Consumer;
  private readonly deadLetters: DeadLetterPublisher;
  private readonly committer: OffsetCommitter;
  private readonly handlersByType = new Map<string, EventHandler[]>();
  private joined = false;
  private stopping = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly options: ConsumerHostOptions,
    private readonly logger: JsonLogger,
    private readonly metrics: Metrics,
  ) {
    this.consumer = this.newConsumer();
    this.deadLetters = new DeadLetterPublisher(kafka, options.service);
    this.committer = new OffsetCommitter(
      (offsets) => this.consumer.commitOffsets(offsets),
      options.commitIntervalMs ?? 1000,
      logger,
    );
    for (const handler of options.handlers) {
      for (const type of handler.consumes) {
        this.handlersByType.set(type, [...(this.handlersByType.get(type) ?? []), handler]);
      }
    }
  }

  /** The topics that carry the handled types. */
  get topics(): string[] {
    return [
      ...new Set([...this.handlersByType.keys()].map((type) => EVENT_CATALOGUE[type as EventType].topic)),
    ];
  }

  async start(): Promise<void> {
    await this.deadLetters.connect();
    await this.launch();
    this.committer.start();
  }

  private newConsumer(): Consumer {
    return this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30000,
      heartbeatInterval: 3000,
      maxWaitTimeInMs: this.options.fetchMaxWaitMs ?? 1000,
      minBytes: this.options.fetchMinBytes ?? 1,
    });
  }

  private async launch(): Promise<void> {
    const consumer = this.consumer;
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      this.joined = true;
      this.committer.keepOnly(event.payload.memberAssignment);
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.joined = false;
      const restart = (event.payload as { restart?: boolean }).restart !== false;
      this.logger.error(
        restart ? 'consumer crashed; kafkajs restarts it' : 'consumer crashed for good; relaunching it',
        {
          error: String(event.payload.error),
        },
      );
      // kafkajs gives up on errors it deems non-retriable (and after its retries, e.g. a long broker outage):
      // a consumer that silently stops would leave the service "up" but deaf, so start a fresh one.
      if (!restart && !this.stopping) this.relaunchSoon(5000);
    });
    if (this.options.newGroupStart === 'latest') await this.commitEndOffsetsIfNew();
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      // Progress is committed by the OffsetCommitter, on an interval.
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** For a group that has never committed: commit every partition's current end, so it starts there. */
  private async commitEndOffsetsIfNew(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const committed = await admin.fetchOffsets({ groupId: this.options.groupId, topics: this.topics });
      for (const { topic, partitions } of committed) {
        if (partitions.some((p) => p.offset !== '-1')) continue;
        const ends = await admin.fetchTopicOffsets(topic);
        await admin.setOffsets({
          groupId: this.options.groupId,
          topic,
          partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
        });
      }
    } finally {
      await admin.disconnect();
    }
  }

  private relaunchSoon(delayMs: number): void {
    setTimeout(async () => {
      if (this.stopping) return;
      await this.consumer.disconnect().catch(() => undefined);
      this.consumer = this.newConsumer();
      try {
        await this.launch();
        this.logger.info('consumer relaunched', { groupId: this.options.groupId });
      } catch (error) {
        this.logger.warn('consumer relaunch failed; trying again', { error: (error as Error).message });
        this.relaunchSoon(Math.min(delayMs * 2, 60000));
      }
    }, delayMs);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // What is done so far is committed while the group is joined; a batch still running commits its own (a timed
    // commit during the disconnect would be dropped by kafkajs, so the timer stops first).
    this.committer.stop();
    await this.committer.flush();
    await this.consumer.disconnect();
    await this.deadLetters.disconnect();
  }

  async check(): Promise<void> {
    if (!this.joined) throw new Error(`consumer group ${this.options.groupId} has not joined`);
  }

  /**
   * Walks a fetched batch in record order. Consecutive events gather into a run that is handled in one
   * transaction; a poison record first settles the run before it, then goes to the dead-letter topic, so the
   * offsets resolved always cover exactly the records already dealt with.
   */
  private async onBatch(payload: EachBatchPayload): Promise<void> {
    await this.consumeBatch(payload);
    // A stopping consumer commits this batch's progress now, through the batch, while its group is still joined.
    if (this.committer.intervalMs <= 0 || !payload.isRunning()) {
      await this.committer.flush((offsets) => payload.commitOffsetsIfNecessary(byTopic(offsets)));
    }
  }

  private async consumeBatch({
    batch,
    resolveOffset: resolve,
    heartbeat,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const resolveOffset = (offset: string): void => {
      resolve(offset);
      this.committer.done(topic, partition, offset);
    };
    const limit = Math.max(1, this.options.maxRecordsPerTransaction ?? 100);
    let run: { message: KafkaMessage; sorted: Sorted }[] = [];
    const settleRun = async (): Promise<void> => {
      if (run.length === 0) return;
      const settled = run;
      run = [];
      await this.handleRun(topic, partition, settled, heartbeat);
      resolveOffset(settled[settled.length - 1].message.offset);
      await heartbeat();
    };
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) return;
      const sorted = this.sort(message);
      if (sorted.kind === 'poison') {
        await settleRun();
        await this.deadLetter(topic, partition, message, sorted.reason, sorted.error, 1);
        this.count(topic, 'dead-lettered');
        resolveOffset(message.offset);
        continue;
      }
      run.push({ message, sorted });
      if (run.length >= limit) await settleRun();
    }
    if (isRunning() && !isStale()) await settleRun();
  }

  /**
   * Skips types no handler wants and parses the rest. A shared topic carries types this service ignores: they are
   * skipped without parsing. Only a catalogued type is skipped on the header's word; a type no contract knows is
   * poison (unknown-type) whatever the header says.
   */
  private sort(message: KafkaMessage): Sorted {
    const declaredType = headerValue(message.headers, 'ce_type');
    if (declaredType && isEventType(declaredType) && !this.handlersByType.has(declaredType)) {
      return { kind: 'skip' };
    }
    let envelope: AnyEnvelope;
    try {
      envelope = parseEnvelope(message.value ?? Buffer.alloc(0));
    } catch (error) {
      if (!(error instanceof PoisonMessageError)) throw error;
      return { kind: 'poison', reason: error.reason, error: error.message };
    }
    const handlers = this.handlersByType.get(envelope.type) ?? [];
    return handlers.length === 0 ? { kind: 'skip' } : { kind: 'event', event: { envelope, handlers } };
  }

  /** One transaction for the run; if it fails, each event on its own with retries and the dead-letter topic. */
  private async handleRun(
    topic: string,
    partition: number,
    run: { message: KafkaMessage; sorted: Sorted }[],
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const events = run.flatMap(({ sorted }) => (sorted.kind === 'event' ? [sorted.event] : []));
    const skipped = run.length - events.length;
    for (let i = 0; i < skipped; i++) this.count(topic, 'skipped');
    if (events.length > 1) {
      try {
        const outcomes = await handleInOneTransaction(
          this.dataSource,
          this.outbox,
          this.options.service,
          events,
        );
        events.forEach((event, i) =>
          runWithLogContext(logContextOf(event.envelope), () =>
            this.logger.info(
              outcomes[i] === 'handled'
                ? `handled ${event.envelope.type}`
                : `duplicate ${event.envelope.type} ignored`,
              { batch: events.length },
            ),
          ),
        );
        for (const outcome of outcomes) this.count(topic, outcome);
        return;
      } catch (error) {
        if (this.stopping) throw error; // leave the offsets uncommitted; the next owner of the partition retries
        this.logger.warn('a run of events failed in one transaction; handling them one at a time', {
          topic,
          partition,
          events: events.length,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    for (const { message, sorted } of run) {
      if (sorted.kind !== 'event') continue;
      this.count(topic, await this.handleAlone(sorted.event, topic, partition, message, heartbeat));
    }
  }

  private async handleAlone(
    { envelope, handlers }: ParsedEvent,
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<Outcome> {
    let outcome: Outcome = 'duplicate';
    for (const handler of handlers) {
      const result = await runWithLogContext(logContextOf(envelope), () =>
        this.handleWithRetry(handler, envelope, topic, partition, message, heartbeat),
      );
      if (result !== 'duplicate') outcome = result;
    }
    return outcome;
  }

  private count(topic: string, outcome: Outcome): void {
    this.metrics
      .counter('consumer_messages_total', 'Records seen by the consumer host, by outcome', [
        'topic',
        'outcome',
      ])
      .inc({ topic, outcome });
  }

  private async handleWithRetry(
    handler: EventHandler,
    envelope: AnyEnvelope,
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<Outcome> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        const handled = await this.handleOnce(handler, envelope);
        this.logger.info(handled ? `handled ${envelope.type}` : `duplicate ${envelope.type} ignored`, {
          handler: handler.name,
          attempt,
        });
        return handled ? 'handled' : 'duplicate';
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        const transient = isTransientDatabaseError(error);
        const permanent = error instanceof UnprocessableEventError;
        if (this.stopping) throw error; // leave the offset uncommitted; the next owner of the partition retries
        if (permanent || (!transient && attempt >= maxAttempts)) {
          await this.deadLetter(
            topic,
            partition,
            message,
            permanent ? 'unprocessable' : 'handler-failed',
            text,
            attempt,
          );
          return 'dead-lettered';
        }
        const delay = backoffDelay(attempt);
        this.logger.warn(`handler ${handler.name} failed; retrying`, {
          attempt,
          transient,
          delay,
          error: text,
        });
        await new Promise((resolve) => setTimeout(resolve, delay));
        await heartbeat().catch(() => undefined);
      }
    }
  }

  /** One transaction: inbox row first (a duplicate stops here), then the handler's writes and follow-up events. */
  private handleOnce(handler: EventHandler, envelope: AnyEnvelope): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const inserted: unknown[] = await em.query(
        `INSERT INTO inbox (consumer, event_id, event_type, source) VALUES ($1, $2, $3, $4)
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING 1`,
        [handler.name, envelope.id, envelope.type, envelope.source],
      );
      if (inserted.length === 0) return false;
      const ctx: HandlerContext = {
        em,
        emit: async (event) => {
          const followUp = createEnvelope(causedBy(envelope, { ...event, source: this.options.service }));
          await this.outbox.enqueue(em, [followUp]);
        },
      };
      await handler.beforeEvents?.([envelope] as never, em);
      await handler.handle(envelope as never, ctx);
      await handler.afterEvents?.(em);
      return true;
    });
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: string,
    error: string,
    attempts: number,
  ): Promise<void> {
    this.logger.error('message sent to the dead-letter topic', {
      topic,
      partition,
      offset: message.offset,
      reason,
      error,
    });
    await this.deadLetters.publish({ topic, partition, message, reason, error, attempts });
    this.metrics
      .counter('dead_letters_total', 'Messages sent to the dead-letter topic', ['reason'])
      .inc({ reason });
  }
}

/** Offsets as kafkajs's per-batch commit takes them. */
function byTopic(offsets: CommittableOffset[]): {
  topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
} {
  const topics = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, offset } of offsets)
    topics.set(topic, [...(topics.get(topic) ?? []), { partition, offset }]);
  return { topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })) };
}
