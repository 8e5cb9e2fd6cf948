/**
 * `npm run bench:sla`: arms 100,000 and then 1,000,000 SLA clocks in a throw-away database on the local Postgres,
 * lets scheduler replicas fire them as they come due, and prints (and writes to docs/benchmarks.md) the arm rate,
 * the fire rate, lateness p50/p99/max, the exactly-once checks and the claim query plan.
 *
 * Then it measures catch-up after downtime: --catch-up=100000 clocks whose timers are all overdue when the
 * schedulers start, which gives the most they can fire per second.
 *
 * Options: --sizes=100000,1000000  --windows=120,1200 (seconds, one per size)  --schedulers=2  --batch=500
 * --out=<file> (default docs/benchmarks.md)
 * It takes about 30 minutes on 2 CPUs, most of it letting the 1,000,000 clocks come due at a pace the schedulers
 * follow with room to spare on a shared machine (about 2,600 timers per second at the peak of the window).
 * Postgres: DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { armClocks, TIMERS_PER_CLOCK } from './arm-clocks';
import { BenchDatabase, createBenchDatabase } from './bench-database';
import { machine, RunResult, summaryLine, writeSection } from './bench-report';
import { Replica, schedulerReplica } from './fire-timers';
import { claimPlan, measureFiring } from './measurements';
import { ShiftedClock } from './shifted-clock';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]),
);
const sizes = (args['sizes'] ?? '100000,1000000').split(',').map(Number);
const windows = (args['windows'] ?? '120,1200').split(',').map((s) => Number(s) * 1000);
const schedulers = Number(args['schedulers'] ?? 2);
const batchSize = Number(args['batch'] ?? 500);
const catchUpClocks = Number(args['catch-up'] ?? 100_000);
const outFile = args['out'] ?? join(__dirname, '..', '..', '..', 'docs', 'benchmarks.md');
const adminUrl = process.env['DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const VIRTUAL_START = new Date('2030-01-01T00:00:00.000Z');

const log = (line: string) => process.stdout.write(`[bench:sla] ${line}\n`);

/**
 * Arms `clocks` whose timers fall in a window starting at VIRTUAL_START, then lets the schedulers fire them with
 * the window starting `leadMs` from now (negative: the window is already over, as after downtime).
 */
async function runSize(
  db: BenchDatabase,
  clocks: number,
  windowMs: number,
  leadMs = 5000,
): Promise<RunResult> {
  const main = await db.connect('bench-arm', 4);
  try {
    await main.query('TRUNCATE timer, clock, outbox, inbox');
    log(
      `arming ${clocks.toLocaleString('en-US')} clocks (${(clocks * TIMERS_PER_CLOCK).toLocaleString('en-US')} timers) over a ${windowMs / 1000} s window`,
    );
    let lastReport = Date.now();
    const armStart = Date.now();
    await armClocks(main, clocks, VIRTUAL_START, windowMs, (armed) => {
      if (Date.now() - lastReport > 5000) {
        lastReport = Date.now();
        log(
          `  armed ${armed.toLocaleString('en-US')} (${Math.round(armed / ((Date.now() - armStart) / 1000))} clocks/s)`,
        );
      }
    });
    const armSeconds = (Date.now() - armStart) / 1000;
    await main.query('VACUUM ANALYZE timer');
    await main.query('VACUUM ANALYZE clock');
    const plan = await claimPlan(main, new Date(VIRTUAL_START.getTime() + windowMs / 2), batchSize);

    const clock = new ShiftedClock();
    const replicas: Replica[] = [];
    for (let i = 0; i < schedulers; i++) {
      replicas.push(
        schedulerReplica(
          `scheduler-${i + 1}`,
          await db.connect(`bench-scheduler-${i + 1}`, 2),
          db.url,
          clock,
          batchSize,
        ),
      );
    }
    // The first timers come due `leadMs` from now, with every scheduler already asleep until then.
    clock.align(VIRTUAL_START, leadMs);
    for (const r of replicas) await r.scheduler.start();
    log(`firing with ${schedulers} schedulers, batch ${batchSize}`);
    let peakLoad = loadavg()[0];
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const [row] = await main.query(
        'SELECT count(*) FILTER (WHERE fired_at IS NOT NULL)::int AS fired, count(*)::int AS total FROM timer',
      );
      const [late] = await main.query(
        `SELECT coalesce(max(extract(epoch FROM fired_at - fire_at)) * 1000, 0) AS max FROM timer WHERE fired_at > $1`,
        [new Date(clock.now().getTime() - 5000)],
      );
      log(
        `  fired ${row.fired.toLocaleString('en-US')} of ${row.total.toLocaleString('en-US')} (max lateness last 5 s: ${Number(late.max).toFixed(1)} ms)`,
      );
      peakLoad = Math.max(peakLoad, loadavg()[0]);
      if (row.fired === row.total) break;
    }
    for (const r of replicas) {
      await r.scheduler.stop();
      await r.dataSource.destroy();
    }
    const fire = await measureFiring(main);
    const [vacuums] = await main.query(
      `SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0)::int AS n FROM pg_stat_user_tables`,
    );
    return {
      clocks,
      windowMs,
      schedulers,
      batchSize,
      armSeconds,
      fire,
      plan,
      peakLoad,
      autovacuums: vacuums.n,
    };
  } finally {
    await main.destroy();
  }
}

async function main(): Promise<void> {
  const db = await createBenchDatabase(adminUrl);
  log(`database ${db.name}`);
  const results: RunResult[] = [];
  try {
    const probe = await db.connect('bench-probe', 1);
    const [{ version }] = await probe.query('SELECT version()');
    await probe.destroy();
    for (const [i, size] of sizes.entries()) {
      const result = await runSize(db, size, windows[i] ?? windows[windows.length - 1]);
      log(summaryLine(result));
      log(`  fired per scheduler: ${JSON.stringify(result.fire.firedBy)}`);
      log(`  claim plan:\n${result.plan}`);
      results.push(result);
    }
    let catchUp: RunResult | undefined;
    if (catchUpClocks > 0) {
      const windowMs = 120_000;
      log(
        `catch-up: ${catchUpClocks.toLocaleString('en-US')} clocks, every timer overdue when the schedulers start`,
      );
      catchUp = await runSize(db, catchUpClocks, windowMs, -windowMs - 1000);
      log(summaryLine(catchUp));
    }
    await writeSection(outFile, machine(String(version).split(',')[0]), results, catchUp, new Date());
    log(`wrote the SLA section of ${outFile}`);
  } finally {
    await db.drop();
    log(`dropped ${db.name}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:sla failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
