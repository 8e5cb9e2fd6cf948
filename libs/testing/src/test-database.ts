import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { MigrationInterface } from 'typeorm';
import {
  dropDatabase,
  ensureDatabase,
  ensureServiceSchema,
  runMigrations,
  serviceRoleFor,
  withDatabase,
} from '@complaints/persistence';
import { testInfra } from './test-infra';

export interface TestDatabase {
  name: string;
  /** URL of this database as a service's own role (which owns only that service's schema). */
  urlFor(schema: string): string;
  /** Creates the service's role and schema in this database and runs its real migrations. */
  prepareSchema(schema: string, migrations: (new () => MigrationInterface)[]): Promise<string>;
  /** Runs SQL in this database as the admin account (fault injection, inspection). */
  asAdmin(sql: string): Promise<void>;
  drop(): Promise<void>;
}

/**
 * One database per spec file on the shared server, dropped afterwards: specs never see each other's rows.
 * The name always contains "test", so these helpers can never point at a real database.
 */
// Service roles get a password so the same helpers work on a password-auth server (Testcontainers); on a
// trust-auth local server it is simply unused.
const SERVICE_ROLE_TEST_PASSWORD = 'service-role-test-password';

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const { adminUrl } = testInfra();
  const name = `test_${label.replace(/[^a-z0-9]/g, '_')}_${randomUUID().slice(0, 8)}`;
  await ensureDatabase(adminUrl, name);
  const dbAdminUrl = withDatabase(adminUrl, name);
  return {
    name,
    urlFor: (schema) => withDatabase(adminUrl, name, serviceRoleFor(schema), SERVICE_ROLE_TEST_PASSWORD),
    prepareSchema: async (schema, migrations) => {
      await ensureServiceSchema(dbAdminUrl, schema, SERVICE_ROLE_TEST_PASSWORD);
      const url = withDatabase(adminUrl, name, serviceRoleFor(schema), SERVICE_ROLE_TEST_PASSWORD);
      await runMigrations({ service: `${schema}-migrations`, url, schema, entities: [], migrations });
      return url;
    },
    asAdmin: async (sql) => {
      const client = new Client({ connectionString: dbAdminUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    drop: () => dropDatabase(adminUrl, name),
  };
}
