import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { eventually, genericPlanOf, StoreDatabase, storeDatabase } from '@complaints/testing';
import { SLA_TIMER_SCHEMA } from '../../src/sla-timer.module';
import { SLA_TIMER_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { TypeormClockStore } from '../../src/infrastructure/persistence/typeorm-clock.store';
import { timersArmedChannel } from '../../src/infrastructure/persistence/timer-channels';

const T0 = new Date('2026-12-04T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('arming timers on a real database: one statement moves, keeps and drops', () => {
  let url: string;
  let dataSource: DataSource;
  let database: StoreDatabase;
  const store = new TypeormClockStore(SLA_TIMER_SCHEMA);

  beforeAll(async () => {
    database = await storeDatabase('sla_timer_arming', SLA_TIMER_SCHEMA, SLA_TIMER_MIGRATIONS);
    ({ url, dataSource } = database);
  });

  afterAll(() => database?.close());

  async function newClock(): Promise<string> {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO clock (id, complaint_id, kind, policy_id, state, started_at, due_at, correlation, caused_by,
         cycle, terms, target_ms)
       VALUES ($1, $2, 'resolution', 'resolution-general', 'running', $3, $4, 'corr', $5, 1, '{}', 60000)`,
      [id, randomUUID(), T0, at(60), randomUUID()],
    );
    return id;
  }

  /** 5,000 running clocks with three timers each, on tables autovacuum will not analyse meanwhile. */
  async function growWithoutStatistics(tables: ('timer' | 'clock')[]): Promise<void> {
    for (const table of tables)
      await dataSource.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
    await dataSource.query(
      `WITH clocks AS (
         INSERT INTO clock (id, complaint_id, kind, policy_id, state, started_at, due_at, correlation, caused_by,
           cycle, terms, target_ms)
         SELECT gen_random_uuid(), gen_random_uuid(), 'resolution', 'resolution-general', 'running', $1, $2, 'corr',
           gen_random_uuid(), 1, '{}', 60000
         FROM generate_series(1, 5000)
         RETURNING id)
       INSERT INTO timer (id, clock_id, purpose, fire_at)
       SELECT gen_random_uuid(), id, purpose, $2 FROM clocks, unnest(ARRAY['breach', 'warning-50', 'warning-80']) AS purpose`,
      [T0, at(60)],
    );
  }

  const arm = (clockId: string, timers: { purpose: string; fireAt: Date }[]) =>
    dataSource.transaction((em) => store.armTimers(em, [{ clockId, timers }]));

  const timersOf = async (clockId: string) =>
    (
      (await dataSource.query(
        'SELECT id, purpose, fire_at, fired_at FROM timer WHERE clock_id = $1 ORDER BY purpose',
        [clockId],
      )) as { id: string; purpose: string; fire_at: Date; fired_at: Date | null }[]
    ).map((t) => ({ id: t.id, purpose: t.purpose, fireAt: t.fire_at, fired: t.fired_at !== null }));

  it('moves unfired timers to their new time, never re-arms one that fired, and drops those no longer planned', async () => {
    // Given a clock armed with three timers, the first of which has fired
    const clockId = await newClock();
    await arm(clockId, [
      { purpose: 'breach', fireAt: at(60) },
      { purpose: 'warning-50', fireAt: at(30) },
      { purpose: 'warning-80', fireAt: at(48) },
    ]);
    await dataSource.query(`UPDATE timer SET fired_at = $2 WHERE clock_id = $1 AND purpose = 'warning-50'`, [
      clockId,
      at(30),
    ]);
    const before = await timersOf(clockId);

    // When it is re-armed later (a pause moved the deadline): all three planned again at new times
    await arm(clockId, [
      { purpose: 'breach', fireAt: at(90) },
      { purpose: 'warning-50', fireAt: at(45) },
      { purpose: 'warning-80', fireAt: at(72) },
    ]);

    // Then the unfired ones moved and the fired one kept its time and stays fired
    expect(await timersOf(clockId)).toEqual([
      { id: before[0].id, purpose: 'breach', fireAt: at(90), fired: false },
      { id: before[1].id, purpose: 'warning-50', fireAt: at(30), fired: true },
      { id: before[2].id, purpose: 'warning-80', fireAt: at(72), fired: false },
    ]);

    // When only the breach is planned, then the other unfired timer is dropped and the fired one kept
    await arm(clockId, [{ purpose: 'breach', fireAt: at(100) }]);
    expect(await timersOf(clockId)).toEqual([
      expect.objectContaining({ purpose: 'breach', fireAt: at(100), fired: false }),
      expect.objectContaining({ purpose: 'warning-50', fired: true }),
    ]);

    // When nothing is planned (the clock paused), then no unfired timer is left
    await arm(clockId, []);
    expect(await timersOf(clockId)).toEqual([
      expect.objectContaining({ purpose: 'warning-50', fired: true }),
    ]);
  });

  it('wakes the schedulers with the earliest new fire time, and not when nothing was armed', async () => {
    const listener = new Client({ connectionString: url });
    await listener.connect();
    const payloads: string[] = [];
    listener.on('notification', (n) => payloads.push(n.payload ?? ''));
    await listener.query(`LISTEN ${timersArmedChannel(SLA_TIMER_SCHEMA)}`);
    try {
      const paused = await newClock();
      await arm(paused, []);
      const clockId = await newClock();
      await arm(clockId, [
        { purpose: 'breach', fireAt: at(60) },
        { purpose: 'warning-50', fireAt: at(30) },
      ]);
      await eventually(() => expect(payloads).toEqual([at(30).toISOString()]));
    } finally {
      await listener.end();
    }
  });

  it('finds the timers of a clock through the index under the prepared (generic) plan, even while the timer table has no statistics yet', async () => {
    // Given a timer table that grew to many clocks, three timers each, before Postgres gathered statistics on it
    // (as in a fresh installation's first busy minutes, before autovacuum's first ANALYZE of the table)
    await growWithoutStatistics(['timer']);

    // When one clock is armed, and the statement that did it is planned as a prepared statement is
    const clockId = await newClock();
    const sent: { text: string; params: unknown[] }[] = [];
    await dataSource.transaction((em) =>
      store.armTimers(recording(em, sent), [{ clockId, timers: [{ purpose: 'breach', fireAt: at(60) }] }]),
    );
    const plan = await genericPlanOf(dataSource, sent[0].text, sent[0].params);

    // Then no step of it reads the whole timer table
    expect(plan).not.toMatch(/Seq Scan on timer/);
    expect(plan).toMatch(/Index Scan on timer_once_per_purpose|Index Scan using timer_once_per_purpose/);
  });

  it('reads a run of complaints (tracks, clocks, their timers, deferred events) by index under generic plans', async () => {
    // Given clock and timer tables that grew to thousands of rows without statistics
    await growWithoutStatistics(['timer', 'clock']);

    // When a run of complaints is locked and read, and each statement is planned as a prepared statement is
    const complaints = [randomUUID(), randomUUID(), randomUUID()];
    const sent: { text: string; params: unknown[] }[] = [];
    await dataSource.transaction(async (em) => {
      const recorded = recording(em, sent);
      await store.lockComplaints(recorded, complaints);
      await store.loadTracks(recorded, complaints);
      await store.loadClocks(recorded, complaints);
      await store.loadDeferred(recorded, complaints);
    });

    // Then none of them reads the whole clock or timer table
    expect(sent).toHaveLength(5);
    for (const { text, params } of sent) {
      expect(await genericPlanOf(dataSource, text, params)).not.toMatch(/Seq Scan on (timer|clock)\b/);
    }
  });
});

/** The entity manager, with every statement it runs written down. */
function recording(em: EntityManager, sent: { text: string; params: unknown[] }[]): EntityManager {
  return new Proxy(em, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver);
      return (text: string, params: unknown[] = []) => {
        sent.push({ text, params });
        return target.query(text, params);
      };
    },
  });
}
