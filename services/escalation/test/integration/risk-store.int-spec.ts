import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { StoreDatabase, storeDatabase } from '@complaints/testing';
import { CounterKey, RiskWarning } from '../../src/application/ports/risk-store';
import { ESCALATION_SCHEMA } from '../../src/escalation.module';
import { ESCALATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { TypeormRiskStore } from '../../src/infrastructure/persistence/typeorm-risk.store';

const windowStart = new Date('2026-12-04T08:00:00.000Z');
const windowEnd = new Date('2026-12-04T09:00:00.000Z');

function counter(dimension: CounterKey['dimension'], key: string): CounterKey {
  return { dimension, key, metric: 'complaints', windowMinutes: 60, windowStart };
}

function warning(key: string): RiskWarning {
  return {
    id: randomUUID(),
    dimension: 'team',
    key,
    metric: 'complaints',
    measure: 'count',
    thresholdId: 'team-burst',
    observed: 3,
    threshold: 3,
    windowStart,
    windowEnd,
    sampleSize: 3,
    raisedAt: windowStart,
  };
}

class RolledBack extends Error {}

describe('risk store on a real database', () => {
  let dataSource: DataSource;
  let database: StoreDatabase;

  beforeAll(async () => {
    database = await storeDatabase('escalation_risk_store', ESCALATION_SCHEMA, ESCALATION_MIGRATIONS);
    ({ dataSource } = database);
  });

  afterAll(() => database?.close());

  const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => dataSource.transaction(work);

  it('counts several windows in one statement and answers each in the order asked', async () => {
    // Given a store, and a team counter that already has two samples
    const store = new TypeormRiskStore();
    const team = `team-${randomUUID()}`;
    await inTransaction((em) => store.count(em, [counter('team', team)], true));
    await inTransaction((em) => store.count(em, [counter('team', team)], false));

    // When one fact is counted for a category, the team and a channel at once
    const counts = await inTransaction((em) =>
      store.count(
        em,
        [counter('category', `c-${team}`), counter('team', team), counter('channel', `h-${team}`)],
        true,
      ),
    );

    // Then each answer belongs to its own counter
    expect(counts).toEqual([
      { hits: 1, samples: 1 },
      { hits: 2, samples: 3 },
      { hits: 1, samples: 1 },
    ]);
  });

  it('raises a warning rolled back with its transaction again, and skips one already recorded', async () => {
    // Given a transaction that raises a window's warning, sees it as its own on a second try, then rolls back
    const store = new TypeormRiskStore();
    const team = `team-${randomUUID()}`;
    const seen: boolean[] = [];
    await expect(
      inTransaction(async (em) => {
        seen.push(await store.raise(em, warning(team)));
        seen.push(await store.raise(em, warning(team)));
        throw new RolledBack('the batch failed');
      }),
    ).rejects.toThrow(RolledBack);
    expect(seen).toEqual([true, false]);

    // When the event is handled again
    const raisedAgain = await inTransaction((em) => store.raise(em, warning(team)));

    // Then the warning is raised (the rolled-back one was not taken as recorded), once
    expect(raisedAgain).toBe(true);
    expect(await inTransaction((em) => store.raise(em, warning(team)))).toBe(false);
    const rows = await dataSource.query(`SELECT 1 FROM ${ESCALATION_SCHEMA}.risk_warning WHERE key = $1`, [
      team,
    ]);
    expect(rows).toHaveLength(1);
  });
});
