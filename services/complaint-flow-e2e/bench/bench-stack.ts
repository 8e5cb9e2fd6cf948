import { execFile } from 'node:child_process';
import { createPrivateKey, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { Client } from 'pg';

const run = promisify(execFile);
export const repoRoot = join(__dirname, '..', '..', '..');
const stackScript = join(repoRoot, 'deploy', 'local', 'stack.sh');

export const SERVICES = ['intake', 'classification', 'sla-timer', 'escalation', 'notification'] as const;

/**
 * The whole platform for a benchmark: its own broker (fresh, on its own ports), its own database, the five
 * services as processes, started by the same script as `npm start`. Logs at warn: a log line per event would
 * measure the disk, not the pipeline.
 */
export class BenchStack {
  readonly name = 'bench';
  readonly portBase = Number(process.env['BENCH_PORT_BASE'] ?? 4300);
  readonly kafkaPort = Number(process.env['BENCH_KAFKA_PORT'] ?? 29392);
  readonly database = `bench_${randomUUID().slice(0, 8)}`;
  readonly adminUrl = process.env['DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  private readonly env: NodeJS.ProcessEnv = {
    ...process.env,
    STACK_NAME: this.name,
    SERVICE_PORT_BASE: String(this.portBase),
    KAFKA_PORT: String(this.kafkaPort),
    KAFKA_CONTROLLER_PORT: String(this.kafkaPort + 1),
    KAFKA_FRESH: '1',
    KAFKA_HEAP: '1g',
    COMPLAINTS_DB: this.database,
    DATABASE_ADMIN_URL: this.adminUrl,
    RATE_LIMIT_PER_SECOND: '0',
    LOG_LEVEL: 'warn',
    // Held night-time SMS would measure the clock, not the pipeline.
    QUIET_HOURS: '',
    STACK_SKIP_BUILD: process.env['BENCH_BUILD'] === '1' ? '0' : '1',
  };

  /** The environment the stack scripts run with (to restart parts of it). */
  get environment(): NodeJS.ProcessEnv {
    return this.env;
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.kafkaPort}`];
  }

  url(service: (typeof SERVICES)[number]): string {
    return `http://127.0.0.1:${this.portBase + SERVICES.indexOf(service) + 1}`;
  }

  async start(): Promise<void> {
    progress(
      `starting the platform (stack '${this.name}', database ${this.database}, broker ${this.brokers[0]}) ...`,
    );
    try {
      await run('bash', [stackScript, 'start'], { env: this.env, maxBuffer: 10 * 1024 * 1024 });
    } catch (error) {
      const e = error as { stderr?: string };
      throw new Error(`the stack did not start:\n${e.stderr ?? String(error)}`);
    }
  }

  async stop(): Promise<void> {
    progress('stopping the platform ...');
    await run('bash', [stackScript, 'stop'], { env: this.env }).catch(() => undefined);
    const admin = new Client({ connectionString: this.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`);
    await admin.end();
  }

  /** A bearer token signed with the stack's development key (as `npm run token` makes). */
  async token(scopes: string[], clientId = 'bench-client'): Promise<string> {
    const key = createPrivateKey(
      readFileSync(join(repoRoot, '.cache', 'stack', this.name, 'auth-signing-key.pem')),
    );
    return new SignJWT({ scope: scopes.join(' '), client_id: clientId })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('bench')
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(key);
  }
}

export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
