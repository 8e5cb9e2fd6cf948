import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_RULE_SET_2026_11_2 } from './seeds/2026.11-2';

/**
 * Rule sets become data (issue #4): every version is kept, activations are recorded (the latest is in force), and
 * the default version is seeded here. Classifications keep the complaint's text so a reopened complaint can be
 * assessed again, the judgements agents pinned with overrides, and an audit trail of every (re)classification.
 */
export class VersionedRuleSetsAndAudit1763870000000 implements MigrationInterface {
  name = 'VersionedRuleSetsAndAudit1763870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rule_set (
        version     text        PRIMARY KEY,
        document    jsonb       NOT NULL,
        created_by  text        NOT NULL,
        comment     text        NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE rule_set_activation (
        seq           bigserial   PRIMARY KEY,
        version       text        NOT NULL REFERENCES rule_set (version),
        activated_by  text        NOT NULL,
        activated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    const { version, ...document } = DEFAULT_RULE_SET_2026_11_2;
    await queryRunner.query(
      `INSERT INTO rule_set (version, document, created_by, comment) VALUES ($1, $2::jsonb, 'system:migration', $3)`,
      [
        version,
        JSON.stringify(document),
        'Default rule set from the service standards (domain-requirements §3, §4)',
      ],
    );
    await queryRunner.query(
      `INSERT INTO rule_set_activation (version, activated_by) VALUES ($1, 'system:migration')`,
      [version],
    );

    // Nullable: rows classified before this migration have no text, and keep their category when reassessed.
    await queryRunner.query(`
      ALTER TABLE classification
        ADD COLUMN subject          text  NULL,
        ADD COLUMN description      text  NULL,
        ADD COLUMN amount_value     text  NULL,
        ADD COLUMN amount_currency  text  NULL,
        ADD COLUMN pinned           jsonb NOT NULL DEFAULT '{}'::jsonb`);

    await queryRunner.query(`
      CREATE TABLE classification_audit (
        complaint_id      uuid        NOT NULL,
        revision          integer     NOT NULL,
        action            text        NOT NULL CHECK (action IN ('classified', 'overridden', 'reassessed')),
        actor_kind        text        NOT NULL,
        actor_id          text        NOT NULL,
        reason            text        NULL,
        before            jsonb       NULL,
        after             jsonb       NOT NULL,
        rule_set_version  text        NOT NULL,
        occurred_at       timestamptz NOT NULL,
        PRIMARY KEY (complaint_id, revision)
      )`);

    // Reopens seen, by the complaint's lifecycle version: a replayed reopen is recognised, and a reopen that
    // arrives before the complaint's classification is applied when the classification is made.
    await queryRunner.query(`
      CREATE TABLE complaint_reopen (
        complaint_id  uuid        NOT NULL,
        version       integer     NOT NULL,
        occurred_at   timestamptz NOT NULL,
        reason        text        NULL,
        PRIMARY KEY (complaint_id, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaint_reopen`);
    await queryRunner.query(`DROP TABLE classification_audit`);
    await queryRunner.query(`
      ALTER TABLE classification
        DROP COLUMN subject, DROP COLUMN description, DROP COLUMN amount_value, DROP COLUMN amount_currency,
        DROP COLUMN pinned`);
    await queryRunner.query(`DROP TABLE rule_set_activation`);
    await queryRunner.query(`DROP TABLE rule_set`);
  }
}
