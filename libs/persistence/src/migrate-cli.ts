import { MigrationInterface } from 'typeorm';
import { runMigrations } from './database.providers';

/**
 * The body of every service's `migrate` entry point (a deploy step run with the service's own role before the
 * service starts): applies pending migrations, prints what it did, exits non-zero on failure.
 */
export function migrateFromEnv(
  service: string,
  schema: string,
  migrations: (new () => MigrationInterface)[],
): void {
  const url = process.env['DATABASE_URL'];
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    process.stderr.write(`${service}: DATABASE_URL must be a postgres:// URL\n`);
    process.exit(2);
  }
  runMigrations({ service: `${service}-migrate`, url, schema, entities: [], migrations })
    .then((applied) => {
      process.stdout.write(
        `${service}: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`,
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `${service} migrations failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(1);
    });
}
