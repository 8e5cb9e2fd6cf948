import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { repoRoot, SERVICES } from './bench-stack';

/** CPU seconds used so far by each part of the running platform: the five services, the broker, Postgres. */
export type CpuSnapshot = Map<string, number>;

const TICKS_PER_SECOND = 100;

/**
 * Reads /proc (Linux): utime+stime of each service and of the broker; for Postgres, every process named postgres
 * plus what its postmaster collected from backends that already exited. Taken before and after a run, the
 * difference divided by the complaints says where each complaint's CPU goes: on a 2-core machine the sum is what
 * caps the pipeline, whatever any one service could do alone.
 */
export function cpuSnapshot(stackName: string, kafkaPort: number): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  if (!existsSync('/proc/self/stat')) return snapshot;
  for (const service of SERVICES) {
    const pid = readPid(join(repoRoot, '.cache', 'stack', stackName, `${service}.pid`));
    if (pid) snapshot.set(service, cpuOf(pid, false));
  }
  const broker = readPid(join(repoRoot, '.cache', 'kafka', `run-${kafkaPort}`, 'kafka.pid'));
  if (broker) snapshot.set('kafka', cpuOf(broker, false));
  let postgres = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.comm !== 'postgres') continue;
    // The postmaster (parent not postgres) also carries the CPU of its exited children.
    const parent = readStat(stat.ppid);
    postgres += cpuOf(Number(entry), parent?.comm !== 'postgres');
  }
  if (postgres > 0) snapshot.set('postgres', postgres);
  return snapshot;
}

/** "intake 1.3 ms, classification 5.2 ms, …" per complaint between two snapshots. */
export function cpuPerComplaint(before: CpuSnapshot, after: CpuSnapshot, complaints: number): string {
  const parts: string[] = [];
  let total = 0;
  for (const [name, end] of after) {
    const ms = ((end - (before.get(name) ?? 0)) * 1000) / Math.max(1, complaints);
    total += ms;
    parts.push(`${name} ${ms.toFixed(1)} ms`);
  }
  return `${parts.join(', ')}; total **${total.toFixed(1)} ms** of CPU per complaint`;
}

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function readStat(pid: number): { comm: string; ppid: number; fields: string[] } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may hold spaces; the fields after it are space-separated.
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    return { comm: text.slice(text.indexOf('(') + 1, close), ppid: Number(fields[1]), fields };
  } catch {
    return undefined;
  }
}

function cpuOf(pid: number, withExitedChildren: boolean): number {
  const stat = readStat(pid);
  if (!stat) return 0;
  // After comm: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(stat.fields[i]));
  return (utime + stime + (withExitedChildren ? cutime + cstime : 0)) / TICKS_PER_SECOND;
}

/** Cores the platform uses while it has nothing to do (polls, heartbeats, timers), measured over `ms`. */
export async function idleLoad(stackName: string, kafkaPort: number, ms = 4000): Promise<number> {
  const before = total(cpuSnapshot(stackName, kafkaPort));
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (total(cpuSnapshot(stackName, kafkaPort)) - before) / (ms / 1000);
}

/**
 * Waits until the platform has worked off what it was given (for two seconds it uses no more than its idle load,
 * measured before the run, plus a twentieth of a core), so the CPU of downstream processing counts towards the
 * complaints that caused it and the idle polling after it does not.
 */
export async function untilQuiet(
  stackName: string,
  kafkaPort: number,
  idleCores: number,
  report: (message: string) => void,
  timeoutMs = 180_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = total(cpuSnapshot(stackName, kafkaPort));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const now = total(cpuSnapshot(stackName, kafkaPort));
    const busy = (now - last) / 2;
    last = now;
    if (busy < idleCores + 0.05) return;
    if (Date.now() > deadline) return report(`still busy (${busy.toFixed(2)} cores) at the time limit`);
    report(
      `the pipeline is still working (${busy.toFixed(2)} cores busy, ${idleCores.toFixed(2)} when idle) ...`,
    );
  }
}

function total(snapshot: CpuSnapshot): number {
  return [...snapshot.values()].reduce((sum, seconds) => sum + seconds, 0);
}

/** Transactions committed in the platform's database so far (every service's schema lives in it). */
export async function committedTransactions(adminUrl: string, database: string): Promise<number> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // The statistics are per backend until they are flushed: ask for a fresh snapshot.
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ n: string }>(
      'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = $1',
      [database],
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
