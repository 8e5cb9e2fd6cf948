// Runs `node services/<service>/dist/migrate.js` while holding a Postgres advisory lock named after the service.
//
// Why: the migrations run in each pod's initContainer, and TypeORM's migration runner takes no lock of its own,
// so two replicas starting together would both see the same migration pending and both apply it. With this
// wrapper the second one waits, then finds nothing left to do. Mounted from a ConfigMap; run from the image's
// working directory, whose node_modules provides `pg`.
//
//   node /opt/migrate/migrate-with-lock.js <service>      (DATABASE_URL as for the service)
'use strict';

const { spawn } = require('node:child_process');
const { createRequire } = require('node:module');
const path = require('node:path');

const service = process.argv[2];
if (!service || !/^[a-z][a-z0-9-]*$/.test(service)) {
  process.stderr.write('usage: migrate-with-lock.js <service>\n');
  process.exit(2);
}
// Resolve `pg` from the application, not from this file's directory (a ConfigMap mount has no node_modules).
const { Client } = createRequire(path.join(process.cwd(), 'package.json'))('pg');

async function main() {
  const client = new Client({
    connectionString: process.env.DATABASE_URL,
    application_name: `${service}-migrate-lock`,
  });
  await client.connect();
  // A migration stuck behind a lock for this long is an incident, not something to wait out silently: fail
  // the init container so the pod's status shows it.
  await client.query("SET lock_timeout = '10min'");
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [`complaints-migrate:${service}`]);
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [`services/${service}/dist/migrate.js`], { stdio: 'inherit' });
    for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  // Ending the session releases the lock; no explicit unlock to forget on an error path.
  await client.end().catch(() => undefined);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `${service} migration lock failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
