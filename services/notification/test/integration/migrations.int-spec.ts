import { DataSource } from 'typeorm';
import { databaseOptions } from '@complaints/persistence';
import { createTestDatabase, TestDatabase } from '@complaints/testing';
import { NOTIFICATION_SCHEMA } from '../../src/notification.module';
import { NOTIFICATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';

describe('notification migrations on a real Postgres', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('notification_migrations');
    const url = await db.prepareSchema(NOTIFICATION_SCHEMA, NOTIFICATION_MIGRATIONS);
    dataSource = await new DataSource(
      databaseOptions({
        service: 'notification-migrations-test',
        url,
        schema: NOTIFICATION_SCHEMA,
        entities: [],
        migrations: NOTIFICATION_MIGRATIONS,
        poolSize: 1,
      }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const count = async (sql: string): Promise<number> => Number((await dataSource.query(sql))[0].n);

  it('keeps the first templates as version 1, seeds the full set as version 2, and rolls back and forward cleanly', async () => {
    // Given all migrations applied: the first four acknowledgements kept, and the full set current
    expect(await count('SELECT count(*) AS n FROM message_template WHERE version = 1')).toBe(4);
    expect(await count('SELECT count(*) AS n FROM message_template WHERE version = 2')).toBe(52);
    expect(await count('SELECT count(*) AS n FROM staff_recipient')).toBe(4);
    expect(await count('SELECT answer_within_days AS n FROM notification_policy')).toBe(15);

    // When the durable-deliveries migration is undone, Then the first schema is back with its four templates
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await count('SELECT count(*) AS n FROM template')).toBe(4);
    expect(await count(`SELECT count(*) AS n FROM pg_tables WHERE tablename = 'delivery_attempt'`)).toBe(0);

    // And applying it again gives the same result
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await count('SELECT count(*) AS n FROM message_template')).toBe(56);
    expect(await count(`SELECT count(*) AS n FROM pg_tables WHERE tablename = 'delivery_attempt'`)).toBe(1);
  });
});
