import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BenchStack, progress, repoRoot, SERVICES } from './bench-stack';
import { complaintBody } from './complaint-bodies';
import { committedTransactions, cpuPerComplaint, cpuSnapshot, idleLoad, untilQuiet } from './cpu-accounting';
import { measureRawLimits } from './raw-limits';
import { machineDescription, writeBenchmarkSection } from './report';

/**
 * `npm run bench:intake`: autocannon against POST /v1/complaints while the whole pipeline runs (every accepted
 * complaint is classified, timed, assigned and acknowledged downstream), next to the machine's raw limits.
 */
async function main(): Promise<void> {
  const stack = new BenchStack();
  await stack.start();
  try {
    const token = await stack.token(['complaints:write']);
    let i = 0;
    const options = (duration: number) => ({
      url: `${stack.url('intake')}/v1/complaints`,
      connections: 32,
      duration,
      timeout: 10,
      requests: [
        {
          setupRequest: (request: object) => ({
            ...request,
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'idempotency-key': `bench-${randomUUID()}`,
            },
            body: complaintBody(i++),
          }),
        },
      ],
    });
    const idleCores = await idleLoad(stack.name, stack.kafkaPort);
    const cpuBefore = cpuSnapshot(stack.name, stack.kafkaPort);
    const transactionsBefore = await committedTransactions(stack.adminUrl, stack.database);
    progress('warm-up: 5 s ...');
    const warmUp = await autocannon(options(5));
    progress('measuring: 30 s, 32 connections ...');
    const result = await autocannon(options(30));
    const rps = Math.round(result.requests.average);
    progress('waiting for the pipeline to work off what it was given ...');
    await untilQuiet(stack.name, stack.kafkaPort, idleCores, progress);
    const transactions = (await committedTransactions(stack.adminUrl, stack.database)) - transactionsBefore;
    const perComplaint = (transactions / Math.max(1, warmUp['2xx'] + result['2xx'])).toFixed(1);
    const cpu = cpuPerComplaint(
      cpuBefore,
      cpuSnapshot(stack.name, stack.kafkaPort),
      warmUp['2xx'] + result['2xx'],
    );
    // The same load with the four downstream services stopped: what intake itself can take, and so how much of the
    // figure above is the pipeline competing for the same two cores.
    await stopDownstream(stack.name);
    progress('intake alone (downstream services stopped): 15 s, 32 connections ...');
    const alone = await autocannon(options(15));
    // Last: the tools' load leaves the broker and Postgres busy for a while (flushes, checkpoints, garbage
    // collection), which would be billed to the complaints if it ran first.
    const limits = await measureRawLimits(stack.adminUrl, stack.brokers);
    const lines = [
      `- accepted complaints: ${result['2xx']} in ${result.duration.toFixed(1)} s; errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
      `- throughput: **${rps} complaints/s** (target ≥ 1,000)`,
      `- latency: p50 **${result.latency.p50} ms**, p99 **${result.latency.p99} ms** (target < 100 ms), max ${result.latency.max} ms`,
      `- raw limits in the same run: pgbench single-row inserts ${limits.pgInsertsPerSecond}/s; Kafka producer ${limits.kafkaRecordsPerSecond} records/s (p99 ${limits.kafkaP99Ms} ms)`,
      `- ratio: intake is ${pct(rps, limits.pgInsertsPerSecond)} of the raw insert rate (each complaint is 4 inserts: idempotency key, complaint, audit, outbox; complaints that arrive together share one statement)`,
      `- CPU per complaint, intake and everything downstream of it (warm-up included, measured until the pipeline was idle again): ${cpu}`,
      `- Postgres transactions committed per complaint, all services together: ${perComplaint}`,
      `- intake alone, the four downstream services stopped (events wait on the broker): **${Math.round(alone.requests.average)} complaints/s**, p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms (${alone['2xx']} accepted, non-2xx ${alone.non2xx})`,
    ];
    process.stdout.write(`\nPOST /v1/complaints with the pipeline running\n${lines.join('\n')}\n`);
    await writeBenchmarkSection(
      'intake',
      `## Intake throughput (\`npm run bench:intake\`)\n\n${await machineDescription(stack.adminUrl)}\n\n${lines.join('\n')}\n`,
    );
  } finally {
    await stack.stop();
  }
}

/** SIGTERM to every service but intake, and wait for them to go (the stack's stop cleans up the rest). */
async function stopDownstream(stackName: string): Promise<void> {
  const pids = SERVICES.filter((service) => service !== 'intake').map((service) =>
    Number(readFileSync(join(repoRoot, '.cache', 'stack', stackName, `${service}.pid`), 'utf8').trim()),
  );
  for (const pid of pids) process.kill(pid, 'SIGTERM');
  const running = () =>
    pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
  const deadline = Date.now() + 15_000;
  while (running().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
}

function pct(value: number, limit: number): string {
  return `${((value / limit) * 100).toFixed(1)}%`;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:intake failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
