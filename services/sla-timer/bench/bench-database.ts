import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  databaseOptions,
  dropDatabase,
  ensureDatabase,
  ensureServiceSchema,
  runMigrations,
  serviceRoleFor,
  withDatabase,
} from '@complaints/persistence';
import { SLA_TIMER_MIGRATIONS } from '../src/infrastructure/persistence/migrations';

export const SCHEMA = 'sla_timer';
const ROLE_PASSWORD = 'bench-role-password';

export interface BenchDatabase {
  name: string;
  url: string;
  connect(service: string, poolSize: number): Promise<DataSource>;
  drop(): Promise<void>;
}

/** A throw-away database `bench_sla_<random>` with the service's real migrations, on the given server. */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `bench_sla_${randomUUID().slice(0, 8)}`;
  await ensureDatabase(adminUrl, name);
  await ensureServiceSchema(withDatabase(adminUrl, name), SCHEMA, ROLE_PASSWORD);
  const url = withDatabase(adminUrl, name, serviceRoleFor(SCHEMA), ROLE_PASSWORD);
  await runMigrations({
    service: 'bench-migrations',
    url,
    schema: SCHEMA,
    entities: [],
    migrations: SLA_TIMER_MIGRATIONS,
  });
  return {
    name,
    url,
    connect: (service, poolSize) =>
      new DataSource(
        databaseOptions({ service, url, schema: SCHEMA, entities: [], migrations: [], poolSize }),
      ).initialize(),
    drop: () => dropDatabase(adminUrl, name),
  };
}
