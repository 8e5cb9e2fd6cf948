import { Client } from 'pg';

/** Postgres role names for a schema: one login role per service, owning only its schema. */
export function serviceRoleFor(schema: string): string {
  return `${schema}_svc`;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing unsafe identifier ${name}`);
  return `"${name}"`;
}

/**
 * Creates (idempotently) the database, the service's role and its schema, owned by the role. Run with an admin
 * connection: by deploy/local/postgres.sh, the compose init job and the test harness.
 */
export async function ensureServiceSchema(
  adminUrl: string,
  schema: string,
  password?: string,
): Promise<void> {
  const role = serviceRoleFor(schema);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Serialise concurrent callers: CREATE ROLE/SCHEMA IF NOT EXISTS still races on the catalogue.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['complaints-schema-setup']);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE ROLE ${quoteIdent(role)} LOGIN`);
    }
    if (password) {
      await client.query(`ALTER ROLE ${quoteIdent(role)} PASSWORD ${literal(password)}`);
    }
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)} AUTHORIZATION ${quoteIdent(role)}`);
    await client.query(`ALTER ROLE ${quoteIdent(role)} SET search_path = ${quoteIdent(schema)}`);
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['complaints-schema-setup']);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The same server URL pointing at another database and/or user. */
export function withDatabase(url: string, database: string, user?: string, password?: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (user) {
    parsed.username = user;
    parsed.password = password ?? '';
  }
  return parsed.toString();
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
