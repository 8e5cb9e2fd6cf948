import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createInboxTableV1,
  createOutboxTableV1,
  dropInboxTableV1,
  dropOutboxTableV1,
} from '@complaints/kafka';

export class CreateIntakeTables1763800000000 implements MigrationInterface {
  name = 'CreateIntakeTables1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Personal data columns hold AES-256-GCM envelopes ({alg, keyId, iv, tag, ciphertext}), never clear text.
    await queryRunner.query(`
      CREATE TABLE complaint (
        id                  uuid         PRIMARY KEY,
        reference           text         NOT NULL UNIQUE,
        channel             text         NOT NULL,
        external_ref        text         NULL,
        status              text         NOT NULL,
        version             integer      NOT NULL,
        received_at         timestamptz  NOT NULL,
        customer_name       jsonb        NOT NULL,
        customer_phone      jsonb        NULL,
        customer_email      jsonb        NULL,
        customer_id_number  jsonb        NULL,
        customer_number     jsonb        NULL,
        customer_hash       text         NOT NULL,
        segment             text         NOT NULL,
        vulnerable          text[]       NOT NULL DEFAULT '{}',
        preferred_language  text         NOT NULL,
        contact_preference  text         NOT NULL,
        subject             text         NOT NULL,
        description         text         NOT NULL,
        text_language       text         NOT NULL,
        product             text         NULL,
        amount_value        numeric(19,4) NULL,
        amount_currency     char(3)      NULL,
        occurred_at         timestamptz  NULL,
        attachments         jsonb        NOT NULL DEFAULT '[]',
        created_at          timestamptz  NOT NULL DEFAULT now(),
        updated_at          timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT complaint_channel_external_ref UNIQUE (channel, external_ref)
      )`);
    await queryRunner.query(`CREATE INDEX complaint_received_at ON complaint (received_at, id)`);
    await queryRunner.query(`CREATE INDEX complaint_status ON complaint (status)`);
    await queryRunner.query(`CREATE SEQUENCE complaint_reference_seq`);
    await queryRunner.query(`
      CREATE TABLE complaint_transition (
        id            bigserial    PRIMARY KEY,
        complaint_id  uuid         NOT NULL REFERENCES complaint (id),
        from_status   text         NULL,
        to_status     text         NOT NULL,
        actor         text         NOT NULL,
        reason        text         NULL,
        occurred_at   timestamptz  NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX complaint_transition_complaint ON complaint_transition (complaint_id, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE idempotency_key (
        scope         text         NOT NULL,
        key           text         NOT NULL,
        request_hash  text         NOT NULL,
        response      jsonb        NULL,
        created_at    timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await createOutboxTableV1(queryRunner);
    await createInboxTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropInboxTableV1(queryRunner);
    await dropOutboxTableV1(queryRunner);
    await queryRunner.query(`DROP TABLE idempotency_key`);
    await queryRunner.query(`DROP TABLE complaint_transition`);
    await queryRunner.query(`DROP SEQUENCE complaint_reference_seq`);
    await queryRunner.query(`DROP TABLE complaint`);
  }
}
