import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createInboxTableV1,
  createOutboxTableV1,
  dropInboxTableV1,
  dropOutboxTableV1,
} from '@complaints/kafka';

export class CreateSlaTables1763800200000 implements MigrationInterface {
  name = 'CreateSlaTables1763800200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sla_policy (
        id              text         PRIMARY KEY,
        kind            text         NOT NULL,
        urgency         text         NOT NULL,
        target_minutes  integer      NOT NULL CHECK (target_minutes > 0),
        business_time   boolean      NOT NULL,
        UNIQUE (kind, urgency)
      )`);
    // Defaults from the standards; operators change them as data (GET/PUT /v1/sla/policies, issue #5).
    await queryRunner.query(`
      INSERT INTO sla_policy (id, kind, urgency, target_minutes, business_time) VALUES
        ('first-response-urgent',  'first-response', 'urgent',  15, false),
        ('first-response-general', 'first-response', 'general', 60, false)`);
    await queryRunner.query(`
      CREATE TABLE clock (
        id            uuid         PRIMARY KEY,
        complaint_id  uuid         NOT NULL,
        kind          text         NOT NULL,
        policy_id     text         NOT NULL REFERENCES sla_policy (id),
        state         text         NOT NULL,
        started_at    timestamptz  NOT NULL,
        due_at        timestamptz  NOT NULL,
        correlation   text         NOT NULL,
        caused_by     uuid         NOT NULL,
        UNIQUE (complaint_id, kind)
      )`);
    // Durable timers: one row per future firing. The scheduler claims due rows with FOR UPDATE SKIP LOCKED.
    await queryRunner.query(`
      CREATE TABLE timer (
        id        uuid         PRIMARY KEY,
        clock_id  uuid         NOT NULL REFERENCES clock (id),
        purpose   text         NOT NULL,
        fire_at   timestamptz  NOT NULL,
        fired_at  timestamptz  NULL
      )`);
    await queryRunner.query(`CREATE INDEX timer_due ON timer (fire_at) WHERE fired_at IS NULL`);
    await createOutboxTableV1(queryRunner);
    await createInboxTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropInboxTableV1(queryRunner);
    await dropOutboxTableV1(queryRunner);
    await queryRunner.query(`DROP TABLE timer`);
    await queryRunner.query(`DROP TABLE clock`);
    await queryRunner.query(`DROP TABLE sla_policy`);
  }
}
