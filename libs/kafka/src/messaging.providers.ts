import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Provider,
  Type,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ServiceName } from '@complaints/contracts';
import { HealthRegistry, JsonLogger, Metrics } from '@complaints/observability';
import { ConsumerHost, ConsumerHostOptions } from './consumer/consumer-host';
import { EventHandler } from './consumer/event-handler';
import { createKafkaClient, KafkaConnection } from './kafka-client';
import { OutboxRelay, OutboxRelayOptions } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';

export interface MessagingConfig {
  service: ServiceName;
  kafka: KafkaConnection;
  relay: OutboxRelayOptions;
  consumer?: Omit<ConsumerHostOptions, 'service' | 'handlers'>;
}

export const MESSAGING_CONFIG = Symbol('MessagingConfig');
export const EVENT_HANDLERS = Symbol('EventHandlers');
const KAFKA = Symbol('Kafka');

/**
 * Starts the outbox relay and (when the service has handlers) the consumer host once the app is up, and stops
 * them before the database closes: the consumer first, so no handler runs against a closing pool.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;
  private readonly consumer?: ConsumerHost;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(DataSource) dataSource: DataSource,
    @Inject(OutboxWriter) outbox: OutboxWriter,
    @Inject(MESSAGING_CONFIG) config: MessagingConfig,
    @Inject(EVENT_HANDLERS) handlers: EventHandler[],
    @Inject(JsonLogger) logger: JsonLogger,
    @Inject(Metrics) metrics: Metrics,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
  ) {
    this.relay = new OutboxRelay(kafka, dataSource, config.relay, logger, metrics);
    if (handlers.length > 0 && config.consumer) {
      this.consumer = new ConsumerHost(
        kafka,
        dataSource,
        outbox,
        { ...config.consumer, service: config.service, handlers },
        logger,
        metrics,
      );
    }
    health.register({ name: 'database', check: async () => void (await dataSource.query('SELECT 1')) });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
    this.health.register({ name: 'outbox-relay', check: () => this.relay.check() });
    if (this.consumer) {
      await this.consumer.start();
      const consumer = this.consumer;
      this.health.register({ name: 'kafka-consumer', check: () => consumer.check() });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay.stop();
  }
}

/** Providers to spread into a service's root module: outbox writer, relay, consumer host and the handlers. */
export function messagingProviders(config: MessagingConfig, handlers: Type<EventHandler>[]): Provider[] {
  return [
    ...handlers,
    { provide: MESSAGING_CONFIG, useValue: config },
    { provide: EVENT_HANDLERS, useFactory: (...instances: EventHandler[]) => instances, inject: handlers },
    { provide: OutboxWriter, useValue: new OutboxWriter(config.relay.schema) },
    {
      provide: KAFKA,
      useFactory: (logger: JsonLogger) => createKafkaClient(config.kafka, logger),
      inject: [JsonLogger],
    },
    MessagingRuntime,
  ];
}

/** The usual messaging config from a service's validated environment. */
export function messagingConfigFor(
  service: ServiceName,
  schema: string,
  env: {
    DATABASE_URL: string;
    KAFKA_BROKERS: string;
    KAFKA_GROUP_SUFFIX: string;
    KAFKA_NEW_GROUP_START?: string;
    KAFKA_FETCH_MAX_WAIT_MS?: number;
    KAFKA_FETCH_MIN_BYTES?: number;
    KAFKA_COMMIT_INTERVAL_MS?: number;
  },
  consumerPurpose?: string,
  consumerTuning: Pick<
    ConsumerHostOptions,
    'partitionsConsumedConcurrently' | 'maxRecordsPerTransaction'
  > = {},
): MessagingConfig {
  return {
    service,
    kafka: { brokers: env.KAFKA_BROKERS.split(','), clientId: service },
    relay: { schema, databaseUrl: env.DATABASE_URL },
    consumer: consumerPurpose
      ? {
          ...consumerTuning,
          fetchMaxWaitMs: env.KAFKA_FETCH_MAX_WAIT_MS,
          fetchMinBytes: env.KAFKA_FETCH_MIN_BYTES,
          commitIntervalMs: env.KAFKA_COMMIT_INTERVAL_MS,
          groupId: `${service}.${consumerPurpose}${env.KAFKA_GROUP_SUFFIX}`,
          newGroupStart: env.KAFKA_NEW_GROUP_START === 'latest' ? 'latest' : 'earliest',
        }
      : undefined,
  };
}
