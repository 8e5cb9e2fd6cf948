import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { TOPICS } from '@complaints/contracts';
import { TopicProbe } from '@complaints/testing';
import { BenchStack, progress, repoRoot, SERVICES } from './bench-stack';
import { complaintBody } from './complaint-bodies';
import { machineDescription, writeBenchmarkSection } from './report';

const run = promisify(execFile);
const RATE = Number(process.env['CHAOS_RATE'] ?? 20);
const PAUSE_MS = Number(process.env['CHAOS_PAUSE_MS'] ?? 8000);
const CONVERGE_MS = Number(process.env['CHAOS_CONVERGE_MS'] ?? 180000);

/**
 * `npm run chaos`: a steady load of complaints while each service is killed with SIGKILL in turn and restarted,
 * then the broker, then Postgres. Afterwards every complaint that got a 201 must have been classified, have its
 * clock, its team and its customer acknowledgement, with no duplicate message, breach or escalation. Loopback only,
 * bounded, stops by itself; exits non-zero when an invariant does not hold.
 */
async function main(): Promise<void> {
  const stack = new BenchStack();
  await stack.start();
  const probe = await new TopicProbe(stack.brokers, Object.values(TOPICS)).start();
  const load = new SteadyLoad(stack.url('intake'), await stack.token(['complaints:write'], 'chaos-load'));
  let failed = false;
  try {
    load.start();
    await pause();
    for (const service of SERVICES) {
      await killAndRestart(stack, service);
      await pause();
    }
    await killBroker(stack);
    await pause();
    await bouncePostgres(stack);
    await pause();
    load.stop();
    await load.drained();
    progress(
      `load stopped: ${load.accepted.size} accepted, ${load.refused} refused or failed while things were down`,
    );
    failed = !(await verify(stack, probe, load.accepted));
  } finally {
    load.stop();
    await probe.stop().catch(() => undefined);
    await stack.stop();
  }
  process.exit(failed ? 1 : 0);
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
}

async function stackCommand(
  stack: BenchStack,
  command: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<void> {
  await run('bash', [join(repoRoot, 'deploy', 'local', 'stack.sh'), command], {
    env: { ...stack.environment, ...extraEnv },
    maxBuffer: 10 * 1024 * 1024,
  });
}

function pidOf(file: string): number {
  return Number(readFileSync(file, 'utf8').trim());
}

async function killAndRestart(stack: BenchStack, service: string): Promise<void> {
  const pid = pidOf(join(repoRoot, '.cache', 'stack', stack.name, `${service}.pid`));
  progress(`kill -9 ${service} (pid ${pid})`);
  process.kill(pid, 'SIGKILL');
  await pause();
  progress(`restarting ${service} ...`);
  await stackCommand(stack, 'start');
}

async function killBroker(stack: BenchStack): Promise<void> {
  const pidFile = join(repoRoot, '.cache', 'kafka', `run-${stack.kafkaPort}`, 'kafka.pid');
  const pid = pidOf(pidFile);
  progress(`kill -9 the Kafka broker (pid ${pid})`);
  process.kill(pid, 'SIGKILL');
  await pause();
  progress('restarting the broker (same data) ...');
  // Not fresh: the broker comes back with its log, as a real one would.
  await run('bash', [join(repoRoot, 'deploy', 'local', 'kafka.sh'), 'start'], {
    env: { ...stack.environment, KAFKA_FRESH: '0' },
  });
  await stackCommand(stack, 'start', { KAFKA_FRESH: '0' });
}

/** Stops the local Postgres cluster immediately (like a crash: no checkpoint) and starts it again. */
async function bouncePostgres(stack: BenchStack): Promise<void> {
  if (!existsSync('/etc/postgresql') || !/@(127\.0\.0\.1|localhost)[:/]/.test(stack.adminUrl)) {
    progress('Postgres is not a local cluster this script may stop: skipping the database fault');
    return;
  }
  const { stdout } = await run('ls', ['/etc/postgresql']);
  const version = stdout.trim().split('\n').sort().pop() as string;
  progress(`stopping Postgres ${version}/main immediately`);
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'stop', '-m', 'immediate']);
  await pause();
  progress('starting Postgres again ...');
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
  await stackCommand(stack, 'start', { KAFKA_FRESH: '0' });
}

/** An open-loop sender: RATE complaints a second, whatever state the platform is in. */
class SteadyLoad {
  readonly accepted = new Map<string, string>();
  refused = 0;
  private timer?: NodeJS.Timeout;
  private readonly pending = new Set<Promise<void>>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 32 });
  private i = 0;

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.send(), 1000 / RATE);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async drained(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private send(): void {
    const i = this.i++;
    const body = complaintBody(i);
    const sending = new Promise<void>((resolve) => {
      const req = request(
        `${this.url}/v1/complaints`,
        {
          method: 'POST',
          agent: this.agent,
          timeout: 10000,
          headers: {
            authorization: `Bearer ${this.token}`,
            'content-type': 'application/json',
            'idempotency-key': `chaos-${randomUUID()}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            if (res.statusCode === 201) {
              const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string };
              this.accepted.set(
                id,
                (JSON.parse(body) as { customer: { contactPreference: string } }).customer.contactPreference,
              );
            } else this.refused++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        this.refused++;
        resolve();
      });
      req.on('timeout', () => req.destroy());
      req.end(body);
    });
    this.pending.add(sending);
    void sending.then(() => this.pending.delete(sending));
  }
}

/** Every invariant, checked in each service's own table and on the wire; prints the counts. */
async function verify(stack: BenchStack, probe: TopicProbe, accepted: Map<string, string>): Promise<boolean> {
  const ids = [...accepted.keys()];
  const url = new URL(stack.adminUrl);
  url.pathname = `/${stack.database}`;
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  const count = async (sql: string) => Number((await db.query(sql, [ids])).rows[0].n);
  const checks = {
    received: 'SELECT count(*) AS n FROM intake.complaint WHERE id = ANY($1)',
    classified: 'SELECT count(*) AS n FROM classification.classification WHERE complaint_id = ANY($1)',
    clocksStarted: `SELECT count(DISTINCT complaint_id) AS n FROM sla_timer.clock WHERE complaint_id = ANY($1) AND kind = 'first-response'`,
    teamAssigned: 'SELECT count(*) AS n FROM escalation.assignment WHERE complaint_id = ANY($1)',
    customerAcknowledged: `SELECT count(DISTINCT complaint_id) AS n FROM notification.delivery
      WHERE complaint_id = ANY($1) AND event_type = 'complaint.received' AND audience = 'customer' AND status = 'sent'`,
  };
  const expected = ids.length;
  const deadline = Date.now() + CONVERGE_MS;
  let counts: Record<string, number> = {};
  progress(`waiting for ${expected} complaints to converge in every service ...`);
  for (;;) {
    counts = {};
    for (const [name, sql] of Object.entries(checks)) counts[name] = await count(sql);
    if (Object.values(counts).every((n) => n === expected) || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  await db.end();

  // A duplicate is a second event for the same fact: another event id. The same event twice on the wire is the
  // outbox relay's at-least-once delivery after a crash between send and mark; consumers drop it by id (inbox).
  const perKey = (type: string, keyOf: (data: Record<string, unknown>) => string) => {
    const idsByKey = new Map<string, Set<string>>();
    for (const r of probe.records.filter((rec) => rec.headers['ce_type'] === type)) {
      const envelope = r.value as { id: string; data: Record<string, unknown> };
      const key = keyOf(envelope.data);
      idsByKey.set(key, (idsByKey.get(key) ?? new Set()).add(envelope.id));
    }
    return [...idsByKey.values()].filter((eventIds) => eventIds.size > 1).length;
  };
  const republished = (() => {
    const seen = new Set<string>();
    let again = 0;
    for (const r of probe.records) {
      const id = (r.value as { id?: string }).id;
      if (!id) continue;
      if (seen.has(`${r.topic}/${id}`)) again++;
      seen.add(`${r.topic}/${id}`);
    }
    return again;
  })();
  const duplicates = {
    messages: perKey(
      'notification.sent',
      (d) => `${String(d['triggerEventId'])}/${String(d['audience'])}/${String(d['channel'])}`,
    ),
    breaches: perKey('sla.breached', (d) => `${String(d['clockId'])}/${String(d['dueAt'])}`),
    escalations: perKey('complaint.escalated', (d) => String(d['escalationId'])),
  };
  const lines = [
    `- ${expected} complaints accepted (201) at ${RATE}/s while each service, the broker and Postgres were killed and restarted in turn`,
    ...Object.entries(counts).map(([name, n]) => `- ${name}: ${n} / ${expected}`),
    ...Object.entries(duplicates).map(([name, n]) => `- duplicate ${name}: ${n}`),
    `- events published again with the same id after a crash (dropped by consumers by id): ${republished}`,
  ];
  const ok =
    Object.values(counts).every((n) => n === expected) && Object.values(duplicates).every((n) => n === 0);
  lines.push(ok ? '- every invariant holds' : '- **INVARIANT VIOLATED**');
  process.stdout.write(`\nchaos run\n${lines.join('\n')}\n`);
  await writeBenchmarkSection(
    'chaos',
    `## Faults (\`npm run chaos\`)\n\n${await machineDescription(stack.adminUrl)}\n\n${lines.join('\n')}\n`,
  );
  return ok;
}

main().catch((error: unknown) => {
  process.stderr.write(`chaos failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
