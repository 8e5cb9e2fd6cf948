/**
 * A scheduler replica that dies mid-claim: it claims the due timers with the real claim query, in a transaction
 * it never commits, prints their ids, and holds the locks until it is killed. Run with @swc-node/register from
 * the repository root; DATABASE_URL and CLAIM_AT (the "now" of its claim) come from the environment.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions } from '@complaints/persistence';
import { TypeormTimerStore } from '../../src/infrastructure/persistence/typeorm-timer.store';

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'] ?? '';
  const now = new Date(process.env['CLAIM_AT'] ?? '');
  const dataSource = await new DataSource(
    databaseOptions({ service: 'doomed-scheduler', url, schema: 'sla_timer', entities: [], migrations: [] }),
  ).initialize();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  const claimed = await new TypeormTimerStore(dataSource).claimDue(runner.manager, now, 100);
  process.stdout.write(`${JSON.stringify(claimed.map((t) => t.timerId))}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
