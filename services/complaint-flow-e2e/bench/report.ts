import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { repoRoot } from './bench-stack';

const FILE = join(repoRoot, 'docs', 'benchmarks.md');

/**
 * Replaces one benchmark's section in docs/benchmarks.md (between its markers), keeping the others, so each
 * script records its latest figures without touching the rest.
 */
export async function writeBenchmarkSection(id: string, body: string): Promise<void> {
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const current = existsSync(FILE)
    ? readFileSync(FILE, 'utf8')
    : '# Benchmarks\n\nFigures recorded by the `npm run bench:*` scripts; each run replaces its own section.\n';
  const section = `${start}\n${body.trim()}\n${end}`;
  const pattern = new RegExp(`${escape(start)}[\\s\\S]*?${escape(end)}`);
  const next = pattern.test(current)
    ? current.replace(pattern, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(FILE, next);
}

export async function machineDescription(adminUrl: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  await client.end();
  return [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} cores`,
    `(${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB memory, Node ${process.version},`,
    `PostgreSQL ${rows[0]?.server_version}, Apache Kafka 4.1.1 (single node, from the Maven jars), all on this one machine.`,
  ].join(' ');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
