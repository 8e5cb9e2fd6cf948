import { QueryRunner } from 'typeorm';

/**
 * Frozen DDL for the transactional outbox, called by each service's first migration. Never edit a released
 * helper: a change is a new V2 helper plus a new migration in every service. Column names follow the Debezium
 * outbox event router, so CDC could replace the polling relay without a data migration.
 */
export async function createOutboxTableV1(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE outbox (
      position      bigserial    PRIMARY KEY,
      id            uuid         NOT NULL UNIQUE,
      aggregatetype text         NOT NULL,
      aggregateid   text         NOT NULL,
      type          text         NOT NULL,
      topic         text         NOT NULL,
      payload       jsonb        NOT NULL,
      headers       jsonb        NOT NULL DEFAULT '{}',
      created_at    timestamptz  NOT NULL DEFAULT now(),
      published_at  timestamptz  NULL
    )`);
  await queryRunner.query(`CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL`);
}

export async function dropOutboxTableV1(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TABLE IF EXISTS outbox`);
}
