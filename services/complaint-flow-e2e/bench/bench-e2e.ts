import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { TOPICS } from '@complaints/contracts';
import { ObservedRecord, TopicProbe } from '@complaints/testing';
import { BenchStack, percentile, progress } from './bench-stack';
import { complaintBody } from './complaint-bodies';
import { committedTransactions, cpuPerComplaint, cpuSnapshot } from './cpu-accounting';
import { hopBreakdown } from './hop-breakdown';
import { measureRawLimits } from './raw-limits';
import { machineDescription, writeBenchmarkSection } from './report';

const RATE = Number(process.env['BENCH_RATE'] ?? 200);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 30);
/**
 * Seconds at the same rate before the measurement, so the broker's and the services' JIT compilers are done. The
 * JVM compiles by how often code runs, not for how long: at 30/s its C2 compiler still took a fifth of a core
 * 45 s in, about as much as the broker's request handling. So the warm-up is a number of complaints (3,000: 15 s
 * at 200/s, 100 s at 30/s), never under 10 s.
 */
const WARMUP_SECONDS = Number(process.env['BENCH_WARMUP_SECONDS'] ?? Math.max(10, Math.ceil(3000 / RATE)));
const MILESTONES = ['complaint.classified', 'sla.started', 'notification.sent'] as const;
type Milestone = (typeof MILESTONES)[number];
const MILESTONE_NAMES: Record<Milestone, string> = {
  'complaint.classified': 'complaint.classified',
  'sla.started': 'the first sla.started',
  'notification.sent': "notification.sent of the customer's acknowledgement",
};

/**
 * Per milestone, complaint id -> latency from its POST to the first such event. A complaint has three
 * sla.started (one per clock) and staff notifications too: the customer's acknowledgement is the milestone.
 */
function firstMilestones(
  records: ObservedRecord[],
  postedAt: Map<string, number>,
): Map<Milestone, Map<string, number>> {
  const first = new Map<Milestone, Map<string, number>>(MILESTONES.map((type) => [type, new Map()]));
  for (const record of records) {
    const posted = record.key === null ? undefined : postedAt.get(record.key);
    const type = record.headers['ce_type'] as Milestone;
    const seen = first.get(type);
    if (posted === undefined || !seen || seen.has(record.key as string)) continue;
    if (type === 'notification.sent') {
      const data = (record.value as { data?: { audience?: string; triggerType?: string } }).data;
      if (data?.audience !== 'customer' || data.triggerType !== 'complaint.received') continue;
    }
    seen.set(record.key as string, record.receivedAt - posted);
  }
  return first;
}

/**
 * `npm run bench:e2e`: complaints arrive at a fixed rate (open loop: the next one is sent on schedule whether or
 * not earlier ones have answered), and the latency from POST to each downstream event is read off the wire.
 */
async function main(): Promise<void> {
  const stack = new BenchStack();
  await stack.start();
  const probe = await new TopicProbe(stack.brokers, [
    TOPICS.intakeLifecycle,
    TOPICS.classificationResults,
    TOPICS.slaClocks,
    TOPICS.notificationDeliveries,
  ]).start();
  try {
    const token = await stack.token(['complaints:write']);
    const send = (seconds: number, label: string) => sendAtRate(stack.url('intake'), token, seconds, label);
    // Warm-up: a cold JVM and cold Node processes spend the first seconds compiling, and the backlog they leave
    // would be billed to the measured complaints. The pipeline works it off before the measurement starts.
    if (WARMUP_SECONDS > 0) {
      const warmUp = await send(WARMUP_SECONDS, 'warm-up');
      await untilMilestonesSeen(probe, warmUp.postedAt, 'warm-up');
    }
    const cpuBefore = cpuSnapshot(stack.name, stack.kafkaPort);
    const transactionsBefore = await committedTransactions(stack.adminUrl, stack.database);
    const { postedAt, failures } = await send(SECONDS, 'measured');
    const firstSeen = await untilMilestonesSeen(probe, postedAt, 'measured');
    const cpu = cpuPerComplaint(cpuBefore, cpuSnapshot(stack.name, stack.kafkaPort), postedAt.size);
    const transactions = (await committedTransactions(stack.adminUrl, stack.database)) - transactionsBefore;
    const perComplaint = (transactions / Math.max(1, postedAt.size)).toFixed(1);
    // Last: the tools' load leaves the broker and Postgres busy for a while (flushes, checkpoints, garbage
    // collection), which would be billed to the complaints if it ran first.
    const limits = await measureRawLimits(stack.adminUrl, stack.brokers);

    const lines = [
      `- ${postedAt.size} complaints accepted at ${RATE}/s for ${SECONDS} s (${failures} failed), after a ${WARMUP_SECONDS} s warm-up at the same rate that the pipeline had worked off`,
    ];
    for (const type of MILESTONES) {
      const latencies = [...(firstSeen.get(type) ?? new Map<string, number>()).values()].sort(
        (a, b) => a - b,
      );
      lines.push(
        `- POST → ${MILESTONE_NAMES[type]}: p50 **${percentile(latencies, 50)} ms**, p99 **${percentile(latencies, 99)} ms**, max ${latencies[latencies.length - 1]} ms (${latencies.length} of ${postedAt.size} complaints)`,
      );
    }
    lines.push('- where the time goes, hop by hop (from the envelope times and the record timestamps):');
    lines.push(...hopBreakdown(probe.records, postedAt));
    lines.push(`- CPU per complaint until the last milestone was seen: ${cpu}`);
    lines.push(`- Postgres transactions committed per complaint, all services together: ${perComplaint}`);
    lines.push(`- target: POST → notification.sent p99 under 1,000 ms at 200 complaints/s`);
    lines.push(
      `- raw limits in the same run: pgbench single-row inserts ${limits.pgInsertsPerSecond}/s; Kafka producer ${limits.kafkaRecordsPerSecond} records/s (p99 ${limits.kafkaP99Ms} ms)`,
    );
    process.stdout.write(`\nEnd-to-end latency at a fixed arrival rate\n${lines.join('\n')}\n`);
    // The target rate keeps its own section; a run at another rate (BENCH_RATE) is recorded beside it.
    await writeBenchmarkSection(
      RATE === 200 ? 'e2e' : `e2e-${RATE}`,
      `## End-to-end latency at ${RATE} complaints/s (\`${RATE === 200 ? '' : `BENCH_RATE=${RATE} `}npm run bench:e2e\`)\n\n${await machineDescription(stack.adminUrl)}\n\n${lines.join('\n')}\n`,
    );
  } finally {
    await probe.stop();
    await stack.stop();
  }
}

/**
 * Open loop: complaint i is sent at start + i / RATE whether or not earlier ones have answered. Answers the
 * accepted complaints' ids with the time each was sent.
 */
async function sendAtRate(
  intakeUrl: string,
  token: string,
  seconds: number,
  label: string,
): Promise<{ postedAt: Map<string, number>; failures: number }> {
  const postedAt = new Map<string, number>();
  let failures = 0;
  const total = RATE * seconds;
  progress(`${label}: sending ${total} complaints at ${RATE}/s for ${seconds} s ...`);
  const started = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (i > 0 && i % (RATE * 5) === 0) progress(`${label}: ${i} sent, ${postedAt.size} accepted`);
    const sentAt = Date.now();
    inFlight.push(
      post(`${intakeUrl}/v1/complaints`, complaintBody(i), {
        authorization: `Bearer ${token}`,
        'idempotency-key': `e2e-${randomUUID()}`,
      }).then(
        ({ status, body }) => {
          if (status !== 201) return void failures++;
          postedAt.set((JSON.parse(body) as { id: string }).id, sentAt);
        },
        () => void failures++,
      ),
    );
  }
  await Promise.all(inFlight);
  progress(
    `${label}: all sent in ${((Date.now() - started) / 1000).toFixed(1)} s; waiting for the pipeline ...`,
  );
  return { postedAt, failures };
}

/** Waits (at most 3 minutes) until every milestone was seen for every complaint, showing progress each second. */
async function untilMilestonesSeen(
  probe: TopicProbe,
  postedAt: Map<string, number>,
  label: string,
): Promise<Map<Milestone, Map<string, number>>> {
  const deadline = Date.now() + 180_000;
  let firstSeen = firstMilestones(probe.records, postedAt);
  const done = () => MILESTONES.every((type) => firstSeen.get(type)?.size === postedAt.size);
  while (!done() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    firstSeen = firstMilestones(probe.records, postedAt);
    progress(`${label}: ${MILESTONES.map((type) => `${type} ${firstSeen.get(type)?.size ?? 0}`).join(', ')}`);
  }
  return firstSeen;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** A keep-alive JSON POST (the open-loop sender must not pay a TCP handshake per complaint). */
function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:e2e failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
