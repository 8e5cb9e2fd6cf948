import { randomBytes, randomUUID } from 'node:crypto';
import { DynamicModule, INestApplication } from '@nestjs/common';
import { MigrationInterface } from 'typeorm';
import { createServiceApp } from '@complaints/http-api';
import { createTestDatabase, TestDatabase } from './test-database';
import { testInfra } from './test-infra';
import { TEST_AUTH_ISSUER, TEST_AUTH_PUBLIC_KEY_PEM } from './test-auth';

/** A 32-byte key ring entry `id:base64` for tests; every run gets fresh keys. */
export function testKeyRing(id = 'test-key-1'): { spec: string; id: string; raw: Buffer } {
  const raw = randomBytes(32);
  return { spec: `${id}:${raw.toString('base64')}`, id, raw };
}

/**
 * Boots a service's real Nest module exactly as main.ts does (validation, problem+json, relay, consumers) and
 * returns it initialised; tests talk to it through `app.getHttpServer()`.
 */
export async function startServiceApp(
  module: DynamicModule,
  rateLimit?: { perSecond: number; burst: number },
): Promise<INestApplication> {
  const app = await createServiceApp(module, {
    title: 'test',
    description: 'test',
    auth: { publicKeyPem: TEST_AUTH_PUBLIC_KEY_PEM, issuer: TEST_AUTH_ISSUER },
    rateLimit,
  });
  await app.init();
  return app;
}

/** The variables every service reads (libs/config ServiceEnv), pointed at the test run's broker and a database. */
export function baseServiceEnv(databaseUrl: string): {
  PORT: number;
  HOST: string;
  DATABASE_URL: string;
  KAFKA_BROKERS: string;
  LOG_LEVEL: string;
  KAFKA_GROUP_SUFFIX: string;
  KAFKA_NEW_GROUP_START: string;
} {
  return {
    PORT: 1,
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: testInfra().brokers.join(','),
    LOG_LEVEL: 'error',
    // Fresh consumer groups per spec: no offsets carried over from another spec's run of the same service.
    KAFKA_GROUP_SUFFIX: `.test-${randomUUID().slice(0, 8)}`,
    // ... that start at the end of the topics: a spec sees its own events, not every earlier spec's history.
    KAFKA_NEW_GROUP_START: 'latest',
  };
}

export interface ServiceUnderTest {
  app: INestApplication;
  db: TestDatabase;
  stop(): Promise<void>;
}

/** A service on its own fresh database (real migrations), the test broker, and its real Nest module. */
export async function bootServiceForTest(options: {
  label: string;
  schema: string;
  migrations: (new () => MigrationInterface)[];
  module: (databaseUrl: string) => DynamicModule;
}): Promise<ServiceUnderTest> {
  const db = await createTestDatabase(options.label);
  const url = await db.prepareSchema(options.schema, options.migrations);
  const app = await startServiceApp(options.module(url));
  return {
    app,
    db,
    stop: async () => {
      await app.close();
      await db.drop();
    },
  };
}
