import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eventually } from '@complaints/testing';
import { classified, useSlaTimer } from '../support/sla-timer-harness';

const MINUTE = 60_000;
// Months before the other spec files' complaints (the topics carry theirs too), so only ours are due here.
const RECEIVED = '2026-06-01T01:00:00.000Z';
const repoRoot = join(__dirname, '..', '..', '..', '..');

/** Starts a scheduler process that claims what is due at `claimAt` and never commits; resolves with its claim. */
function doomedScheduler(
  databaseUrl: string,
  claimAt: Date,
): Promise<{ child: ChildProcess; claimed: string[] }> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, '..', 'support', 'claim-and-hold.ts')],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, CLAIM_AT: claimAt.toISOString() },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, claimed: JSON.parse(out.split('\n')[0]) as string[] });
    });
    child.on('exit', (code) => reject(new Error(`the scheduler process exited early (${code})`)));
  });
}

describe('timers survive a scheduler that dies between claim and commit, and downtime', () => {
  const sla = useSlaTimer('sla_timer_crash', RECEIVED);

  async function alertsOf(complaintId: string): Promise<{ type: string; threshold?: number }[]> {
    const rows: { type: string; payload: { data: { threshold?: number } } }[] = await sla.db.query(
      `SELECT type, payload FROM outbox WHERE aggregateid = $1 AND type IN ('sla.warning', 'sla.breached') ORDER BY position`,
      [complaintId],
    );
    return rows.map((r) => ({ type: r.type, threshold: r.payload.data.threshold }));
  }

  it('fires the timers a killed process had claimed, once, after the scheduler restarts', async () => {
    // Given an urgent complaint's first-response clock, and our scheduler stopped
    await sla.scheduler.stop();
    const complaintId = randomUUID();
    await sla.deliver(classified(complaintId, RECEIVED, { urgency: 'urgent' }));
    await sla.expectEvents(complaintId, [
      'sla.started first-response',
      'sla.started resolution',
      'sla.started regulatory-decision',
    ]);
    // And another scheduler process that claimed its three due timers and has not committed
    const dueAll = new Date(Date.parse(RECEIVED) + 16 * MINUTE);
    const doomed = await doomedScheduler(sla.service.db.urlFor('sla_timer'), dueAll);
    expect(doomed.claimed).toHaveLength(3);

    // When time passes the breach, the claimed timers are skipped, not fired twice
    sla.clock.set(dueAll);
    expect(await sla.scheduler.firePass()).toBe(0);
    expect(await alertsOf(complaintId)).toEqual([]);

    // When that process is killed and our scheduler restarts
    doomed.child.kill('SIGKILL');
    await new Promise((resolve) => doomed.child.once('exit', resolve));
    await sla.scheduler.start();

    // Then each timer fires exactly once, in due order, and reaches Kafka
    await eventually(async () =>
      expect(await alertsOf(complaintId)).toEqual([
        { type: 'sla.warning', threshold: 0.5 },
        { type: 'sla.warning', threshold: 0.8 },
        { type: 'sla.breached', threshold: undefined },
      ]),
    );
    await sla.expectEvents(complaintId, [
      'sla.started first-response',
      'sla.started resolution',
      'sla.started regulatory-decision',
      'sla.warning first-response',
      'sla.warning first-response',
      'sla.breached first-response',
    ]);
  });

  it('catches up after downtime in due order', async () => {
    // Given the scheduler down while complaints received an hour apart go unanswered for two days
    await sla.scheduler.stop();
    const receipts = [0, 60, 120].map((m) =>
      new Date(Date.parse(RECEIVED) + (24 * 60 + m) * MINUTE).toISOString(),
    );
    const ids = receipts.map(() => randomUUID());
    for (const [i, id] of ids.entries())
      await sla.deliver(classified(id, receipts[i], { urgency: 'urgent' }));
    await eventually(async () => {
      const [row] = await sla.db.query('SELECT count(*)::int AS n FROM clock WHERE complaint_id = ANY($1)', [
        ids,
      ]);
      expect(row.n).toBe(9);
    });
    sla.clock.set(new Date(Date.parse(receipts[2]) + 2 * 24 * 60 * MINUTE));

    // When it comes back
    await sla.scheduler.start();

    // Then everything due fires, earliest due first across complaints (outbox order is firing order)
    await eventually(async () => {
      const [row] = await sla.db.query(
        'SELECT count(*)::int AS n FROM timer WHERE fired_at IS NULL AND fire_at <= $1',
        [sla.clock.now()],
      );
      expect(row.n).toBe(0);
    });
    const fireTimes = await sla.db.query(
      `SELECT t.fire_at FROM outbox o JOIN clock c ON c.id = (o.payload->'data'->>'clockId')::uuid
       JOIN timer t ON t.clock_id = c.id AND t.purpose = CASE o.type WHEN 'sla.breached' THEN 'breach'
         ELSE 'warning:' || (o.payload->'data'->>'threshold') END
       WHERE o.aggregateid = ANY($1) AND o.type IN ('sla.warning', 'sla.breached') ORDER BY o.position`,
      [ids],
    );
    expect(fireTimes.length).toBe(2 * 3 * 3); // first response and resolution: two warnings and a breach each
    const times = fireTimes.map((r: { fire_at: Date }) => r.fire_at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
