import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { TEST_AUTH_ISSUER, TEST_AUTH_PUBLIC_KEY_PEM, testInfra } from '@complaints/testing';

const run = promisify(execFile);
const repoRoot = join(__dirname, '..', '..', '..');
const stackScript = join(repoRoot, 'deploy', 'local', 'stack.sh');

export const SERVICES = ['intake', 'classification', 'sla-timer', 'escalation', 'notification'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * The five services started by deploy/local/stack.sh, the same script as `npm start`, each a separate Node
 * process, against the test run's broker and a fresh database of their own.
 */
export class RunningStack {
  readonly name = `e2e-${randomUUID().slice(0, 8)}`;
  readonly database = `test_e2e_${randomUUID().slice(0, 8)}`;
  private readonly portBase: number;
  private readonly env: NodeJS.ProcessEnv;

  /**
   * @param options.portBase the services listen on portBase+1..portBase+5 (default E2E_PORT_BASE, else 4100)
   * @param options.env extra settings for all five services, e.g. a shared test clock
   */
  constructor(options: { portBase?: number; env?: Record<string, string> } = {}) {
    this.portBase = options.portBase ?? Number(process.env['E2E_PORT_BASE'] ?? 4100);
    const { brokers, adminUrl } = testInfra();
    this.env = {
      ...process.env,
      STACK_NAME: this.name,
      SERVICE_PORT_BASE: String(this.portBase),
      KAFKA_BROKERS: brokers.join(','),
      COMPLAINTS_DB: this.database,
      DATABASE_ADMIN_URL: adminUrl,
      // Servers with password auth (Testcontainers) need one for the service roles; trust auth ignores it.
      DB_SERVICE_PASSWORD: new URL(adminUrl).password ? 'e2e-service-password' : '',
      // The services verify the tokens the tests sign (see @complaints/testing test-auth).
      AUTH_JWT_PUBLIC_KEY: TEST_AUTH_PUBLIC_KEY_PEM,
      AUTH_JWT_ISSUER: TEST_AUTH_ISSUER,
      // Quiet hours would make a journey depend on the time of day; the service's own tests cover them on a fake clock.
      QUIET_HOURS: '',
      STACK_SKIP_BUILD: process.env['E2E_BUILD'] === '1' ? '0' : '1',
      ...options.env,
    };
  }

  url(service: ServiceName): string {
    return `http://127.0.0.1:${this.portBase + SERVICES.indexOf(service) + 1}`;
  }

  async start(): Promise<void> {
    try {
      await run('bash', [stackScript, 'start'], { env: this.env, maxBuffer: 10 * 1024 * 1024 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`the stack did not start:\n${e.stderr ?? ''}\n${e.stdout ?? ''}`);
    }
  }

  async stop(): Promise<void> {
    await run('bash', [stackScript, 'stop'], { env: this.env });
    const admin = new Client({ connectionString: testInfra().adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`);
    await admin.end();
  }

  /** Reads a service's own table, as an operator would, with the admin account. */
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const url = new URL(testInfra().adminUrl);
    url.pathname = `/${this.database}`;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
}
