import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Jest global setup: provides one real Kafka broker and one real Postgres server for the whole run, in this
 * order: (1) services named by TEST_KAFKA_BROKERS and TEST_DATABASE_ADMIN_URL; (2) Testcontainers when a
 * container engine answers (unless TEST_INFRA=local); (3) the local broker from the Maven jars and the local
 * Postgres. Values reach the test workers as environment variables (Jest forks them with process.env).
 */
const repoRoot = join(__dirname, '..', '..', '..');
const topicsFile = join(repoRoot, 'deploy', 'kafka', 'topics.json');

interface Started {
  stop(): Promise<void>;
}
const started: Started[] = [];
(globalThis as { __complaintsTestInfra?: Started[] }).__complaintsTestInfra = started;

export default async function globalSetup(): Promise<void> {
  let provider = 'environment';
  if (!process.env['TEST_KAFKA_BROKERS'] || !process.env['TEST_DATABASE_ADMIN_URL']) {
    provider = (await containerEngineAnswers()) ? 'testcontainers' : 'local';
    if (provider === 'testcontainers') await startContainers();
    else startLocal();
  }
  process.stderr.write(
    `\n[test-infra] ${provider}: kafka ${process.env['TEST_KAFKA_BROKERS']}, postgres ${redactUrl(process.env['TEST_DATABASE_ADMIN_URL'] ?? '')}\n`,
  );
}

async function containerEngineAnswers(): Promise<boolean> {
  if (process.env['TEST_INFRA'] === 'local') return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<void> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [kafka, postgres] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:8.1.0').start(),
    new PostgreSqlContainer('postgres:15-alpine').start(),
  ]);
  started.push(
    { stop: async () => void (await kafka.stop()) },
    { stop: async () => void (await postgres.stop()) },
  );
  const brokers = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  const { ensureTopics } = await import('./ensure-topics');
  await ensureTopics([brokers], topicsFile);
  process.env['TEST_KAFKA_BROKERS'] = brokers;
  process.env['TEST_DATABASE_ADMIN_URL'] = postgres.getConnectionUri();
}

function startLocal(): void {
  const kafkaEnv = {
    ...process.env,
    KAFKA_PORT: process.env['TEST_KAFKA_PORT'] ?? '19092',
    KAFKA_CONTROLLER_PORT: process.env['TEST_KAFKA_CONTROLLER_PORT'] ?? '19093',
    KAFKA_FRESH: '1',
  };
  const kafkaScript = join(repoRoot, 'deploy', 'local', 'kafka.sh');
  // A broker left behind by an interrupted run would hold the port: stop it first (no-op when none).
  execFileSync('bash', [kafkaScript, 'stop'], { env: kafkaEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const brokers = execFileSync('bash', [kafkaScript, 'start'], {
    env: kafkaEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .toString()
    .trim()
    .split('\n')
    .pop() as string;
  started.push({
    stop: async () =>
      void execFileSync('bash', [kafkaScript, 'stop'], {
        env: kafkaEnv,
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
  });
  if (!process.env['TEST_DATABASE_ADMIN_URL']) {
    execFileSync('bash', [join(repoRoot, 'deploy', 'local', 'postgres.sh'), 'ensure'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    process.env['TEST_DATABASE_ADMIN_URL'] =
      process.env['DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  }
  process.env['TEST_KAFKA_BROKERS'] = brokers;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
