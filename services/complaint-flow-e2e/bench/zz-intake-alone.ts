import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BenchStack, progress, repoRoot, SERVICES } from './bench-stack';
import { complaintBody } from './complaint-bodies';
import { cpuPerComplaint, cpuSnapshot } from './cpu-accounting';

async function main(): Promise<void> {
  const stack = new BenchStack();
  await stack.start();
  try {
    for (const s of process.env.PIPE ? [] : SERVICES.filter((s) => s !== 'intake')) {
      process.kill(Number(readFileSync(join(repoRoot, '.cache', 'stack', stack.name, `${s}.pid`), 'utf8')), 'SIGTERM');
    }
    await new Promise((r) => setTimeout(r, 3000));
    const token = await stack.token(['complaints:write']);
    let i = 0;
    const options = (duration: number) => ({
      url: `${stack.url('intake')}/v1/complaints`, connections: Number(process.env.CONN ?? 32), duration, timeout: 10,
      requests: [{ setupRequest: (request: object) => ({ ...request, method: 'POST', headers: {
        authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `bench-${randomUUID()}` },
        body: complaintBody(i++) }) }],
    });
    await autocannon(options(5));
    if (process.env.SAMPLE) void sample(stack.adminUrl, stack.database);
    const before = cpuSnapshot(stack.name, stack.kafkaPort);
    const r = await autocannon(options(Number(process.env.DUR ?? 15)));
    const after = cpuSnapshot(stack.name, stack.kafkaPort);
    progress(`${Math.round(r.requests.average)}/s p50 ${r.latency.p50} p99 ${r.latency.p99} non2xx ${r.non2xx}`);
    progress(cpuPerComplaint(before, after, r['2xx']));
    if (process.env.HOLD) await new Promise((res) => setTimeout(res, Number(process.env.HOLD)));
  } finally {
    await stack.stop();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });

import { Client } from 'pg';
async function sample(adminUrl: string, db: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl.replace(/\/postgres$/, `/${db}`) });
  await c.connect();
  const counts = new Map<string, number>();
  for (let i = 0; i < 30; i++) {
    const rows = await c.query(`SELECT usename, state, coalesce(wait_event_type,'cpu') w, coalesce(wait_event,'') e, left(regexp_replace(query,'\\s+',' ','g'),60) q FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`);
    for (const r of rows.rows) { const k = `${r.usename} ${r.state} ${r.w}/${r.e} ${r.q}`; counts.set(k, (counts.get(k) ?? 0) + 1); }
    await new Promise((r) => setTimeout(r, 400));
  }
  console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, n]) => `${String(n).padStart(4)} ${k}`).join('\n'));
  await c.end();
}
