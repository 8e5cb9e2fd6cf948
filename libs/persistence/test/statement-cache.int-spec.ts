import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { databaseOptions, dropDatabase, ensureDatabase, withDatabase } from '../src';

/**
 * The DataSource options every service gets, on a scratch database (this library sits below the test harness, so
 * the spec makes its own); one connection, so one statement cache.
 */
describe('repeated statements run prepared (real Postgres)', () => {
  const adminUrl = process.env['TEST_DATABASE_ADMIN_URL'] ?? '';
  const database = `test_statement_cache_${randomUUID().slice(0, 8)}`;
  const schema = 'statement_cache';
  let dataSource: DataSource;

  const prepared = async (): Promise<string[]> => {
    const rows: { statement: string }[] = await dataSource.query(
      'SELECT statement FROM pg_prepared_statements ORDER BY statement',
    );
    return rows.map((row) => row.statement);
  };

  beforeAll(async () => {
    await ensureDatabase(adminUrl, database);
    const url = withDatabase(adminUrl, database);
    dataSource = await new DataSource(
      databaseOptions({
        service: 'statement-cache-test',
        url,
        schema,
        entities: [],
        migrations: [],
        poolSize: 1,
      }),
    ).initialize();
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    await dataSource.query('CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(adminUrl, database);
  });

  it('prepares a parameterised statement the second time it runs, and answers the same from then on', async () => {
    const select = 'SELECT $1::int + $2::int AS sum /* sum */';
    expect(await dataSource.query(select, [1, 2])).toEqual([{ sum: 3 }]);
    expect((await prepared()).filter((s) => s.includes('/* sum */'))).toHaveLength(0);
    expect(await dataSource.query(select, [3, 4])).toEqual([{ sum: 7 }]);
    expect((await prepared()).filter((s) => s.includes('/* sum */'))).toEqual([select]);
    for (let i = 0; i < 10; i++) expect(await dataSource.query(select, [i, i])).toEqual([{ sum: 2 * i }]);
    expect((await prepared()).filter((s) => s.includes('/* sum */'))).toEqual([select]);
  });

  it('leaves statements without parameters on the simple protocol', async () => {
    for (let i = 0; i < 3; i++) await dataSource.query('SELECT 42 AS answer /* plain */');
    expect((await prepared()).filter((s) => s.includes('/* plain */'))).toHaveLength(0);
  });

  it('parses again a statement whose first Parse failed inside an aborted transaction', async () => {
    const insert = 'INSERT INTO note (id, body) VALUES ($1, $2) /* note */';
    await dataSource.query(insert, [1, 'first']); // seen once: the next run names it
    await expect(
      dataSource.transaction(async (em) => {
        await em.query('SELECT 1 / 0').catch(() => undefined);
        await em.query(insert, [2, 'lost']); // its first Parse, refused: the transaction is aborted
      }),
    ).rejects.toThrow(/current transaction is aborted/);
    await dataSource.query(insert, [3, 'third']);
    await dataSource.query(insert, [4, 'fourth']);
    expect(await dataSource.query('SELECT id, body FROM note ORDER BY id')).toEqual([
      { id: 1, body: 'first' },
      { id: 3, body: 'third' },
      { id: 4, body: 'fourth' },
    ]);
    expect((await prepared()).filter((s) => s.includes('/* note */'))).toEqual([insert]);
  });

  it('keeps a bounded number of statements per connection and runs the rest unnamed', async () => {
    for (let i = 0; i < 260; i++) {
      const text = `SELECT $1::int + ${i} AS n /* many */`;
      expect(await dataSource.query(text, [1])).toEqual([{ n: 1 + i }]);
      expect(await dataSource.query(text, [2])).toEqual([{ n: 2 + i }]);
    }
    const kept = await prepared();
    expect(kept.filter((s) => s.includes('/* many */')).length).toBeGreaterThan(150);
    expect(kept.length).toBeLessThanOrEqual(200);
  });
});
