import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseOptions, ServiceDatabase } from './database-options';

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Nest providers for a service's DataSource: connected before the app starts, closed last at shutdown (after the
 * consumers and the relay, which Nest shuts down first because they depend on it).
 */
export function databaseProviders(db: ServiceDatabase): Provider[] {
  return [
    {
      provide: DataSource,
      useFactory: async () => new DataSource(databaseOptions(db)).initialize(),
    },
    DataSourceCloser,
  ];
}

/** Applies a service's pending migrations (a deploy step, also run by the test harness). */
export async function runMigrations(db: ServiceDatabase): Promise<string[]> {
  const dataSource = await new DataSource(databaseOptions({ ...db, poolSize: 1 })).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
