import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { ensureTopics } from '@complaints/testing';
import { progress, repoRoot } from './bench-stack';

const run = promisify(execFile);

export interface RawLimits {
  pgInsertsPerSecond: number;
  kafkaRecordsPerSecond: number;
  kafkaP99Ms: number;
}

/**
 * The machine's own limits, measured the same way in the same run, so every pipeline figure is also a ratio:
 * pgbench single-row inserts (8 clients) and Kafka's producer performance tool (acks=all, 1 kB records).
 */
export async function measureRawLimits(adminUrl: string, brokers: string[]): Promise<RawLimits> {
  return { pgInsertsPerSecond: await pgbenchInserts(adminUrl), ...(await kafkaProducerPerf(brokers)) };
}

async function pgbenchInserts(adminUrl: string): Promise<number> {
  const database = `bench_raw_${randomUUID().slice(0, 8)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  try {
    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    await db.query('CREATE TABLE raw_insert (id uuid PRIMARY KEY, payload text NOT NULL)');
    await db.end();
    const dir = mkdtempSync(join(tmpdir(), 'pgbench-'));
    const script = join(dir, 'insert.sql');
    writeFileSync(
      script,
      "INSERT INTO raw_insert (id, payload) VALUES (gen_random_uuid(), repeat('x', 700));\n",
    );
    progress('pgbench: single-row inserts, 8 clients, 10 s ...');
    const { stdout } = await run('pgbench', [
      '-n',
      '-c',
      '8',
      '-j',
      '2',
      '-T',
      '10',
      '-f',
      script,
      url.toString(),
    ]);
    const tps = /tps = ([\d.]+)/.exec(stdout);
    if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return Math.round(Number(tps[1]));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

async function kafkaProducerPerf(
  brokers: string[],
): Promise<{ kafkaRecordsPerSecond: number; kafkaP99Ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-perf-'));
  const topicsFile = join(dir, 'topics.json');
  writeFileSync(
    topicsFile,
    JSON.stringify({ topics: [{ name: 'bench.raw-producer', partitions: 6, retentionMs: 600000 }] }),
  );
  await ensureTopics(brokers, topicsFile);
  progress("kafka: the broker's own producer performance tool, 200,000 records of 1 kB, acks=all ...");
  const { stdout } = await run(
    'bash',
    [
      join(repoRoot, 'deploy', 'local', 'kafka.sh'),
      'perf-producer',
      '--topic',
      'bench.raw-producer',
      '--num-records',
      '200000',
      '--record-size',
      '1000',
      '--throughput',
      '-1',
      '--producer-props',
      `bootstrap.servers=${brokers.join(',')}`,
      'acks=all',
      'linger.ms=5',
    ],
    { maxBuffer: 10 * 1024 * 1024 },
  );
  const summary = stdout.trim().split('\n').pop() ?? '';
  const rate = /([\d.]+) records\/sec/.exec(summary);
  const p99 = /([\d.]+) ms 99th/.exec(summary);
  if (!rate || !p99) throw new Error(`no summary from ProducerPerformance:\n${stdout}`);
  return { kafkaRecordsPerSecond: Math.round(Number(rate[1])), kafkaP99Ms: Number(p99[1]) };
}
