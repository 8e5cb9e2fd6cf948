import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { format, resolveConfig } from 'prettier';
import { FireMeasurement } from './measurements';

export interface RunResult {
  clocks: number;
  windowMs: number;
  schedulers: number;
  batchSize: number;
  armSeconds: number;
  fire: FireMeasurement;
  plan: string;
  /** Highest 1-minute load average seen while firing: the machine is shared, so this says how busy it was. */
  peakLoad: number;
  /** Autovacuum and autoanalyze runs on the service's tables during the run. */
  autovacuums: number;
}

export interface Machine {
  nproc: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  cpu: string;
}

export function machine(postgresVersion: string): Machine {
  return {
    nproc: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: postgresVersion,
    cpu: cpus()[0]?.model ?? 'unknown',
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function fireRate(r: RunResult): number {
  const seconds = (r.fire.lastFiredAt.getTime() - r.fire.firstFiredAt.getTime()) / 1000;
  return seconds > 0 ? r.fire.fired / seconds : r.fire.fired;
}

export function summaryLine(r: RunResult): string {
  return (
    `${fmt(r.clocks)} clocks: armed ${fmt(r.clocks / r.armSeconds)} clocks/s (${fmt(r.fire.timers / r.armSeconds)} timers/s); ` +
    `fired ${fmt(fireRate(r))} timers/s; lateness p50 ${fmt(r.fire.p50Ms, 1)} ms, p99 ${fmt(r.fire.p99Ms, 1)} ms, ` +
    `max ${fmt(r.fire.maxMs, 1)} ms; fired twice: ${r.fire.alerts - r.fire.distinctAlerts}, never: ${r.fire.unfired}; ` +
    `peak load ${fmt(r.peakLoad, 1)}, autovacuum runs ${r.autovacuums}`
  );
}

const START = '<!-- bench:sla:start -->';
const END = '<!-- bench:sla:end -->';

/** Writes (or replaces) the SLA section of docs/benchmarks.md, leaving the other sections alone, formatted. */
export async function writeSection(
  file: string,
  m: Machine,
  results: RunResult[],
  catchUp: RunResult | undefined,
  date: Date,
): Promise<void> {
  const rows = results.map(
    (r) =>
      `| ${fmt(r.clocks)} | ${fmt(r.fire.timers)} | ${fmt(r.windowMs / 1000)} s | ${fmt(r.clocks / r.armSeconds)} | ` +
      `${fmt(fireRate(r))} | ${fmt(r.fire.p50Ms, 1)} | ${fmt(r.fire.p99Ms, 1)} | ${fmt(r.fire.maxMs, 1)} | ` +
      `${r.fire.alerts - r.fire.distinctAlerts} | ${r.fire.unfired} | ${fmt(r.peakLoad, 1)} |`,
  );
  const plans = results.map(
    (r) => `Claim query plan with ${fmt(r.fire.timers)} armed timers:\n\n\`\`\`\n${r.plan}\n\`\`\``,
  );
  const section = [
    START,
    '## SLA timers (`npm run bench:sla`)',
    '',
    `Run ${date.toISOString().slice(0, 10)} on ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.postgres}.`,
    '',
    'What it measures: the scheduler and the outbox write, not Kafka. Clocks are armed through the service code',
    '(domain start, multi-row clock and timer writes, the NOTIFY that wakes schedulers), 1,000 per transaction,',
    `each with three timers (50% and 80% warnings, breach) spread evenly over the window. Then ${results[0]?.schedulers ?? 0}`,
    `scheduler replicas (batch ${results[0]?.batchSize ?? 0}) race over them while they come due: each claim`,
    'transaction marks timers fired, records breaches and writes sla.warning / sla.breached to the outbox and to',
    'the live-feed NOTIFY. Lateness is fired time minus due time per timer; "fired twice" counts duplicate',
    'outbox events per (clock, purpose), "never" counts timers left unfired. The relay is not running, so the',
    'outbox only grows. The machine is shared: "peak load" is the highest 1-minute load average seen while firing',
    `(above ${m.nproc}, other work was competing for the CPUs).`,
    '',
    '| clocks | timers | window | arm (clocks/s) | fire (timers/s) | p50 lateness (ms) | p99 lateness (ms) | max lateness (ms) | fired twice | never fired | peak load |',
    '| -----: | -----: | -----: | -------------: | --------------: | ----------------: | ----------------: | ----------------: | ----------: | ----------: | --------: |',
    ...rows,
    '',
    'The fire rate of these runs is the pace the window sets (timers fired over the span of firing), not the most',
    'the schedulers can do; the catch-up run below measures that.',
    '',
    ...(catchUp
      ? [
          `Catch-up after downtime: ${fmt(catchUp.fire.timers)} timers of ${fmt(catchUp.clocks)} clocks, all overdue when ` +
            `the schedulers start, fired earliest due first at ${fmt(fireRate(catchUp))} timers/s ` +
            `(fired twice: ${catchUp.fire.alerts - catchUp.fire.distinctAlerts}, never fired: ${catchUp.fire.unfired}).`,
          '',
        ]
      : []),
    ...plans,
    END,
  ].join('\n');
  const existing = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nFigures printed and written by the `npm run bench:*` scripts.\n';
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  const updated =
    start >= 0 && end > start
      ? `${existing.slice(0, start)}${section}${existing.slice(end + END.length)}`
      : `${existing.trimEnd()}\n\n${section}\n`;
  // The repository's format check covers the docs, so the file is written as prettier would leave it.
  writeFileSync(file, await format(updated, { ...(await resolveConfig(file)), filepath: file }));
}
