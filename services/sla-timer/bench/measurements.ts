import { DataSource } from 'typeorm';
import { CLAIM_DUE_TIMERS } from '../src/infrastructure/persistence/typeorm-timer.store';

export interface FireMeasurement {
  timers: number;
  fired: number;
  unfired: number;
  alerts: number;
  distinctAlerts: number;
  firedBy: Record<string, number>;
  firstFiredAt: Date;
  lastFiredAt: Date;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Lateness (fired_at - fire_at), rates and the exactly-once checks, from the database after the run. */
export async function measureFiring(dataSource: DataSource): Promise<FireMeasurement> {
  const [row] = await dataSource.query(`
    SELECT count(*)::int AS timers,
           count(fired_at)::int AS fired,
           (count(*) - count(fired_at))::int AS unfired,
           min(fired_at) AS first_fired_at,
           max(fired_at) AS last_fired_at,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - fire_at)) * 1000 AS p50,
           percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - fire_at)) * 1000 AS p99,
           max(extract(epoch FROM fired_at - fire_at)) * 1000 AS max
    FROM timer`);
  const [alerts] = await dataSource.query(`
    SELECT count(*)::int AS alerts,
           count(DISTINCT (payload->'data'->>'clockId', type, payload->'data'->>'threshold'))::int AS distinct_alerts
    FROM outbox WHERE type IN ('sla.warning', 'sla.breached')`);
  const byScheduler: { fired_by: string; n: number }[] = await dataSource.query(
    'SELECT fired_by, count(*)::int AS n FROM timer WHERE fired_by IS NOT NULL GROUP BY fired_by ORDER BY fired_by',
  );
  return {
    timers: row.timers,
    fired: row.fired,
    unfired: row.unfired,
    alerts: alerts.alerts,
    distinctAlerts: alerts.distinct_alerts,
    firedBy: Object.fromEntries(byScheduler.map((r) => [r.fired_by, r.n])),
    firstFiredAt: row.first_fired_at,
    lastFiredAt: row.last_fired_at,
    p50Ms: Number(row.p50),
    p99Ms: Number(row.p99),
    maxMs: Number(row.max),
  };
}

/** EXPLAIN ANALYZE of the real claim query with `open` timers armed, rolled back so nothing is claimed. */
export async function claimPlan(dataSource: DataSource, now: Date, limit: number): Promise<string> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const rows: { 'QUERY PLAN': string }[] = await runner.query(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${CLAIM_DUE_TIMERS}`,
      [now, limit],
    );
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}
