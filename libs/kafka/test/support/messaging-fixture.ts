import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { Kafka } from 'kafkajs';
import { deadLetterTopic, TOPICS } from '@complaints/contracts';
import { databaseOptions } from '@complaints/persistence';
import { JsonLogger, Metrics } from '@complaints/observability';
import { createTestDatabase, TestDatabase, testInfra, TopicProbe } from '@complaints/testing';
import { createInboxTableV1, createKafkaClient, createOutboxTableV1, OutboxRelay } from '../../src';

/** The schema the library specs borrow: its dead-letter topic and consumer name exist on the test broker. */
export const SCHEMA = 'classification';

export interface MessagingFixture {
  dataSource: DataSource;
  kafka: Kafka;
  relay: OutboxRelay;
  /** Reads the follow-up topic and the dead-letter topic; writes test records. */
  probe: TopicProbe;
  logger: JsonLogger;
  metrics: Metrics;
  stop(): Promise<void>;
}

/**
 * A database of its own with the outbox, the inbox and the spec's `handled` table, a running relay, and a probe on
 * the follow-up and dead-letter topics of a real broker: what the library's consumer and relay specs share.
 */
export async function startMessagingFixture(
  name: string,
  handledTableDdl: string,
): Promise<MessagingFixture> {
  class CreateTestTables1700000000000 implements MigrationInterface {
    async up(queryRunner: QueryRunner): Promise<void> {
      await createOutboxTableV1(queryRunner);
      await createInboxTableV1(queryRunner);
      await queryRunner.query(handledTableDdl);
    }
    async down(): Promise<void> {}
  }
  const logger = new JsonLogger(name, 'error');
  const metrics = new Metrics();
  const { brokers } = testInfra();
  const db: TestDatabase = await createTestDatabase(name.replace(/-/g, '_'));
  const url = await db.prepareSchema(SCHEMA, [CreateTestTables1700000000000]);
  const dataSource = await new DataSource(
    databaseOptions({ service: name, url, schema: SCHEMA, entities: [], migrations: [] }),
  ).initialize();
  const kafka = createKafkaClient({ brokers, clientId: name }, logger);
  const relay = new OutboxRelay(
    kafka,
    dataSource,
    { schema: SCHEMA, databaseUrl: url, pollIntervalMs: 200 },
    logger,
    metrics,
  );
  const probe = await new TopicProbe(brokers, [
    TOPICS.classificationResults,
    deadLetterTopic('classification'),
  ]).start();
  await relay.start();
  return {
    dataSource,
    kafka,
    relay,
    probe,
    logger,
    metrics,
    async stop() {
      await relay.stop();
      await probe.stop();
      await dataSource.destroy();
      await db.drop();
    },
  };
}
