import { QueryRunner } from 'typeorm';

/**
 * Frozen DDL for the idempotent inbox: one row per (handler, event). The row commits in the same transaction as
 * the handler's writes, so a redelivered event finds it and changes nothing.
 */
export async function createInboxTableV1(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE inbox (
      consumer     text        NOT NULL,
      event_id     uuid        NOT NULL,
      event_type   text        NOT NULL,
      source       text        NOT NULL,
      received_at  timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
}

export async function dropInboxTableV1(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TABLE IF EXISTS inbox`);
}
