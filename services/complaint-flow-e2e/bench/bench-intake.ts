import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { BenchStack, progress } from './bench-stack';
import { complaintBody } from './complaint-bodies';
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
    const limits = await measureRawLimits(stack.adminUrl, stack.brokers);
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
    progress('warm-up: 5 s ...');
    await autocannon(options(5));
    progress('measuring: 30 s, 32 connections ...');
    const result = await autocannon(options(30));
    const rps = Math.round(result.requests.average);
    const lines = [
      `- accepted complaints: ${result['2xx']} in ${result.duration.toFixed(1)} s; errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
      `- throughput: **${rps} complaints/s** (target ≥ 1,000)`,
      `- latency: p50 **${result.latency.p50} ms**, p99 **${result.latency.p99} ms** (target < 100 ms), max ${result.latency.max} ms`,
      `- raw limits in the same run: pgbench single-row inserts ${limits.pgInsertsPerSecond}/s; Kafka producer ${limits.kafkaRecordsPerSecond} records/s (p99 ${limits.kafkaP99Ms} ms)`,
      `- ratio: intake is ${pct(rps, limits.pgInsertsPerSecond)} of the raw insert rate (each complaint is one transaction of 5 inserts: complaint, audit, idempotency key, outbox, plus the NOTIFY)`,
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

function pct(value: number, limit: number): string {
  return `${Math.round((value / limit) * 100)}%`;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:intake failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
