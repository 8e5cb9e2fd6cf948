import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_CALENDARS_V1 } from '../seeds/default-calendars.v1';
import { DEFAULT_POLICIES_V1 } from '../seeds/default-policies.v1';

/**
 * Issue #5: policies and calendars become versioned documents (each PUT a new version), clocks get cycles (a
 * reopened complaint starts new ones), pauses, breach and closure facts, and the per-complaint state that makes
 * consumers tolerate events in any order. Clocks started under the first policy table are carried over.
 */
export class PoliciesCalendarsAndClockCycles1764200000000 implements MigrationInterface {
  name = 'PoliciesCalendarsAndClockCycles1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['sla_policy_set', 'calendar_set']) {
      await queryRunner.query(`
        CREATE TABLE ${table} (
          version     integer      PRIMARY KEY CHECK (version > 0),
          document    jsonb        NOT NULL,
          created_at  timestamptz  NOT NULL DEFAULT now(),
          created_by  text         NOT NULL
        )`);
    }
    await queryRunner.query(
      `INSERT INTO sla_policy_set (version, document, created_by) VALUES (1, $1, 'migration')`,
      [JSON.stringify(DEFAULT_POLICIES_V1)],
    );
    await queryRunner.query(
      `INSERT INTO calendar_set (version, document, created_by) VALUES (1, $1, 'migration')`,
      [JSON.stringify(DEFAULT_CALENDARS_V1)],
    );
    await queryRunner.query(`
      CREATE TABLE complaint_track (
        complaint_id      uuid         PRIMARY KEY,
        classification    jsonb        NULL,
        lifecycle_version integer      NOT NULL DEFAULT 0,
        status            text         NULL,
        extension_days    integer      NULL,
        updated_at        timestamptz  NOT NULL DEFAULT now()
      )`);
    // Lifecycle events that arrived before the complaint's classification, applied in version order once it comes.
    await queryRunner.query(`
      CREATE TABLE deferred_lifecycle_event (
        complaint_id  uuid         NOT NULL,
        event_id      uuid         NOT NULL,
        version       integer      NOT NULL,
        fact          jsonb        NOT NULL,
        correlation   text         NOT NULL,
        received_at   timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (complaint_id, event_id)
      )`);
    await this.extendClocks(queryRunner);
    await queryRunner.query(`ALTER TABLE timer ADD COLUMN fired_by text NULL`);
    await queryRunner.query(
      `ALTER TABLE timer ADD CONSTRAINT timer_once_per_purpose UNIQUE (clock_id, purpose)`,
    );
  }

  private async extendClocks(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE clock DROP CONSTRAINT IF EXISTS clock_policy_id_fkey`);
    await queryRunner.query(`ALTER TABLE clock DROP CONSTRAINT IF EXISTS clock_complaint_id_kind_key`);
    await queryRunner.query(`
      ALTER TABLE clock
        ADD COLUMN cycle         integer      NOT NULL DEFAULT 1,
        ADD COLUMN terms         jsonb        NULL,
        ADD COLUMN target_ms     bigint       NULL,
        ADD COLUMN pauses        jsonb        NOT NULL DEFAULT '[]',
        ADD COLUMN breached_at   timestamptz  NULL,
        ADD COLUMN met_at        timestamptz  NULL,
        ADD COLUMN closed_at     timestamptz  NULL,
        ADD COLUMN close_reason  text         NULL,
        ADD COLUMN updated_at    timestamptz  NOT NULL DEFAULT now(),
        ALTER COLUMN due_at DROP NOT NULL`);
    await queryRunner.query(`
      UPDATE clock c SET
        policy_id = p.urgency,
        target_ms = p.target_minutes * 60000,
        terms = jsonb_build_object(
          'policyId', p.urgency, 'policyVersion', 1, 'calendarId', 'cn-mainland',
          'warningFractions', jsonb_build_array(0.5, 0.8),
          'target', jsonb_build_object(
            'kind', p.kind, 'amount', p.target_minutes, 'unit', 'minutes',
            'basis', CASE WHEN p.business_time THEN 'business' ELSE '24x7' END,
            'pauseWhileAwaitingCustomer', false, 'restartOnReopen', false))
      FROM sla_policy p WHERE p.id = c.policy_id`);
    await queryRunner.query(
      `ALTER TABLE clock ALTER COLUMN terms SET NOT NULL, ALTER COLUMN target_ms SET NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE clock ADD CONSTRAINT clock_one_per_cycle UNIQUE (complaint_id, kind, cycle)`,
    );
    await queryRunner.query(
      `CREATE INDEX clock_at_risk ON clock (due_at) WHERE state = 'running' AND breached_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX clock_breached ON clock (breached_at DESC, id DESC) WHERE breached_at IS NOT NULL`,
    );
    await queryRunner.query(`DROP TABLE sla_policy`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE timer DROP CONSTRAINT timer_once_per_purpose, DROP COLUMN fired_by`);
    await queryRunner.query(`
      CREATE TABLE sla_policy (
        id text PRIMARY KEY, kind text NOT NULL, urgency text NOT NULL,
        target_minutes integer NOT NULL CHECK (target_minutes > 0), business_time boolean NOT NULL,
        UNIQUE (kind, urgency))`);
    await queryRunner.query(`
      INSERT INTO sla_policy (id, kind, urgency, target_minutes, business_time) VALUES
        ('first-response-urgent', 'first-response', 'urgent', 15, false),
        ('first-response-general', 'first-response', 'general', 60, false)`);
    // Only the first cycle of first-response clocks existed before: the rest cannot be expressed and goes.
    await queryRunner.query(
      `DELETE FROM timer WHERE clock_id IN (SELECT id FROM clock WHERE kind <> 'first-response' OR cycle > 1)`,
    );
    await queryRunner.query(`DELETE FROM clock WHERE kind <> 'first-response' OR cycle > 1`);
    await queryRunner.query(
      `UPDATE clock SET policy_id = 'first-response-' || policy_id, due_at = coalesce(due_at, started_at)`,
    );
    await queryRunner.query(`DROP INDEX clock_at_risk`);
    await queryRunner.query(`DROP INDEX clock_breached`);
    await queryRunner.query(`
      ALTER TABLE clock
        DROP CONSTRAINT clock_one_per_cycle,
        DROP COLUMN cycle, DROP COLUMN terms, DROP COLUMN target_ms, DROP COLUMN pauses, DROP COLUMN breached_at,
        DROP COLUMN met_at, DROP COLUMN closed_at, DROP COLUMN close_reason, DROP COLUMN updated_at,
        ALTER COLUMN due_at SET NOT NULL,
        ADD CONSTRAINT clock_complaint_id_kind_key UNIQUE (complaint_id, kind),
        ADD CONSTRAINT clock_policy_id_fkey FOREIGN KEY (policy_id) REFERENCES sla_policy (id)`);
    await queryRunner.query(`DROP TABLE deferred_lifecycle_event`);
    await queryRunner.query(`DROP TABLE complaint_track`);
    await queryRunner.query(`DROP TABLE calendar_set`);
    await queryRunner.query(`DROP TABLE sla_policy_set`);
  }
}
