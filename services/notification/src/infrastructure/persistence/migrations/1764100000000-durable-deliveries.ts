import { MigrationInterface, QueryRunner } from 'typeorm';
import { SEED_STAFF_RECIPIENTS, SEED_TEMPLATES } from './1764100000000-seed-message-templates.data';

/**
 * Issue #7: deliveries become durable work for a worker (due time, lease, attempt log), templates become versioned
 * sets for every event and audience, staff recipients and the answer-time policy become data, and the service keeps
 * a projection of each complaint (sealed contact, language, urgency, team).
 */
export class DurableDeliveries1764100000000 implements MigrationInterface {
  name = 'DurableDeliveries1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The contact block is kept exactly as complaint.received carried it: sealed with the contact key ring.
    await queryRunner.query(`
      CREATE TABLE complaint_profile (
        complaint_id             uuid         PRIMARY KEY,
        reference                text         NULL,
        preferred_language       text         NULL,
        contact_preference       text         NULL,
        masked_phone             text         NULL,
        masked_email             text         NULL,
        contact_sealed           jsonb        NULL,
        urgency                  text         NULL,
        classification_revision  integer      NULL,
        team                     text         NULL,
        level                    text         NULL,
        updated_at               timestamptz  NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE template_set (
        version     integer      PRIMARY KEY,
        created_at  timestamptz  NOT NULL DEFAULT now(),
        created_by  text         NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE message_template (
        version     integer  NOT NULL REFERENCES template_set (version),
        event_type  text     NOT NULL,
        audience    text     NOT NULL,
        channel     text     NOT NULL,
        language    text     NOT NULL,
        subject     text     NULL,
        body        text     NOT NULL,
        PRIMARY KEY (version, event_type, audience, channel, language)
      )`);
    // Version 1 is what the first migration seeded, kept for the deliveries that name it; version 2 is the full set.
    await queryRunner.query(
      `INSERT INTO template_set (version, created_by) VALUES (1, 'migration'), (2, 'migration')`,
    );
    await queryRunner.query(`
      INSERT INTO message_template (version, event_type, audience, channel, language, subject, body)
      SELECT 1, event_type, audience, channel, language, subject, body FROM template`);
    for (const t of SEED_TEMPLATES) {
      await queryRunner.query(
        `INSERT INTO message_template (version, event_type, audience, channel, language, subject, body)
         VALUES (2, $1, $2, $3, $4, $5, $6)`,
        [t.eventType, t.audience, t.channel, t.language, t.subject, t.body],
      );
    }
    await queryRunner.query(`DROP TABLE template`);

    await queryRunner.query(`
      CREATE TABLE staff_recipient (
        id          text         PRIMARY KEY,
        audience    text         NOT NULL,
        team        text         NOT NULL,
        channel     text         NOT NULL,
        address     text         NOT NULL,
        language    text         NOT NULL,
        secret_ref  text         NULL,
        enabled     boolean      NOT NULL DEFAULT true,
        updated_at  timestamptz  NOT NULL DEFAULT now(),
        updated_by  text         NOT NULL
      )`);
    for (const r of SEED_STAFF_RECIPIENTS) {
      await queryRunner.query(
        `INSERT INTO staff_recipient (id, audience, team, channel, address, language, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, 'migration')`,
        [r.id, r.audience, r.team, r.channel, r.address, r.language],
      );
    }

    await queryRunner.query(`
      CREATE TABLE notification_policy (
        id                  boolean      PRIMARY KEY DEFAULT true CHECK (id),
        answer_within_days  integer      NOT NULL CHECK (answer_within_days > 0),
        updated_at          timestamptz  NOT NULL DEFAULT now(),
        updated_by          text         NOT NULL
      )`);
    // The regulatory decision deadline: 15 days from receipt (domain-requirements §4.3).
    await queryRunner.query(
      `INSERT INTO notification_policy (answer_within_days, updated_by) VALUES (15, 'migration')`,
    );

    // A delivery is now one message per (event, audience, recipient, channel), sent by the worker when due.
    await queryRunner.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_event_id_audience_channel_key`);
    await queryRunner.query(`
      ALTER TABLE delivery
        ALTER COLUMN complaint_id DROP NOT NULL,
        ADD COLUMN subject           text         NULL,
        ADD COLUMN recipient_key     text         NOT NULL DEFAULT 'customer',
        ADD COLUMN correlation_id    text         NULL,
        ADD COLUMN template_version  integer      NULL,
        ADD COLUMN variables         jsonb        NOT NULL DEFAULT '{}',
        ADD COLUMN due_at            timestamptz  NULL,
        ADD COLUMN lease_until       timestamptz  NULL,
        ADD COLUMN hold_reason       text         NULL,
        ADD COLUMN permanent         boolean      NULL,
        ADD COLUMN failed_at         timestamptz  NULL`);
    await queryRunner.query(`UPDATE delivery SET subject = complaint_id::text, template_version = 1`);
    await queryRunner.query(`ALTER TABLE delivery ALTER COLUMN subject SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE delivery DROP COLUMN template_id`);
    await queryRunner.query(
      `ALTER TABLE delivery ADD CONSTRAINT delivery_once UNIQUE (event_id, audience, recipient_key, channel)`,
    );
    await queryRunner.query(
      `CREATE INDEX delivery_due ON delivery (due_at) WHERE status IN ('pending', 'sending')`,
    );
    await queryRunner.query(`CREATE INDEX delivery_subject ON delivery (subject, created_at)`);
    await queryRunner.query(`CREATE INDEX delivery_status ON delivery (status, created_at)`);
    await queryRunner.query(`
      CREATE TABLE delivery_attempt (
        delivery_id          uuid         NOT NULL REFERENCES delivery (id),
        attempt              integer      NOT NULL,
        started_at           timestamptz  NOT NULL,
        finished_at          timestamptz  NOT NULL,
        outcome              text         NOT NULL,
        error                text         NULL,
        provider_message_id  text         NULL,
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE delivery_attempt`);
    await queryRunner.query(`DROP INDEX delivery_status`);
    await queryRunner.query(`DROP INDEX delivery_subject`);
    await queryRunner.query(`DROP INDEX delivery_due`);
    await queryRunner.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_once`);
    await queryRunner.query(`DELETE FROM delivery WHERE complaint_id IS NULL OR recipient_key <> 'customer'`);
    await queryRunner.query(`
      ALTER TABLE delivery
        ADD COLUMN template_id text NULL,
        DROP COLUMN subject, DROP COLUMN recipient_key, DROP COLUMN correlation_id, DROP COLUMN template_version,
        DROP COLUMN variables, DROP COLUMN due_at, DROP COLUMN lease_until, DROP COLUMN hold_reason,
        DROP COLUMN permanent, DROP COLUMN failed_at,
        ALTER COLUMN complaint_id SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE delivery ADD CONSTRAINT delivery_event_id_audience_channel_key UNIQUE (event_id, audience, channel)`,
    );
    await queryRunner.query(`DROP TABLE notification_policy`);
    await queryRunner.query(`DROP TABLE staff_recipient`);
    await queryRunner.query(`
      CREATE TABLE template (
        id text PRIMARY KEY, event_type text NOT NULL, audience text NOT NULL, channel text NOT NULL,
        language text NOT NULL, subject text NULL, body text NOT NULL,
        UNIQUE (event_type, audience, channel, language)
      )`);
    await queryRunner.query(`
      INSERT INTO template (id, event_type, audience, channel, language, subject, body)
      SELECT event_type || '.' || audience || '.' || channel || '.' || language, event_type, audience, channel, language,
             subject, body
      FROM message_template WHERE version = 1`);
    await queryRunner.query(`DROP TABLE message_template`);
    await queryRunner.query(`DROP TABLE template_set`);
    await queryRunner.query(`DROP TABLE complaint_profile`);
  }
}
