import { DataSource, MigrationInterface } from 'typeorm';
import { databaseOptions } from '@complaints/persistence';
import { createTestDatabase } from './test-database';

export interface StoreDatabase {
  /** The service role's URL (for a second connection: LISTEN, a competing transaction). */
  url: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * A fresh database with one service's schema migrated and a DataSource on it as that service's role: for specs
 * that test a store's SQL directly, without the service around it.
 */
export async function storeDatabase(
  label: string,
  schema: string,
  migrations: (new () => MigrationInterface)[],
): Promise<StoreDatabase> {
  const db = await createTestDatabase(label);
  const url = await db.prepareSchema(schema, migrations);
  const dataSource = await new DataSource(
    databaseOptions({ service: `${label}-test`, url, schema, entities: [], migrations: [] }),
  ).initialize();
  return {
    url,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
