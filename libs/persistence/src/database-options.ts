import { DataSourceOptions, MigrationInterface, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { StatementCachingClient } from './statement-cache';

export interface ServiceDatabase {
  /** The service name, shown in pg_stat_activity. */
  service: string;
  /** postgres://role@host:port/database; the role owns only this service's schema. */
  url: string;
  /** The service's own schema (e.g. sla_timer). Entities declare none, so this one applies. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
  entities: MixedList<Function | string>;
  migrations: (new () => MigrationInterface)[];
  poolSize?: number;
}

/**
 * TypeORM options for one service. The search_path is pinned to the service's schema so raw SQL (outbox, inbox,
 * timers) needs no schema prefix and cannot reach another service's tables by accident.
 */
export function databaseOptions(db: ServiceDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    schema: db.schema,
    entities: db.entities,
    migrations: db.migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: db.service,
    poolSize: db.poolSize ?? 10,
    extra: { options: `-c search_path=${db.schema}`, Client: StatementCachingClient },
  };
}
