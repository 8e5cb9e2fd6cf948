/** What the global setup provides to every test worker, through environment variables. */
export interface TestInfra {
  /** Kafka bootstrap list. */
  brokers: string[];
  /** A Postgres URL allowed to create databases and roles. */
  adminUrl: string;
}

export function testInfra(): TestInfra {
  const brokers = process.env['TEST_KAFKA_BROKERS'];
  const adminUrl = process.env['TEST_DATABASE_ADMIN_URL'];
  if (!brokers || !adminUrl) {
    throw new Error(
      'TEST_KAFKA_BROKERS / TEST_DATABASE_ADMIN_URL are not set: run through the integration Jest config',
    );
  }
  return { brokers: brokers.split(','), adminUrl };
}
