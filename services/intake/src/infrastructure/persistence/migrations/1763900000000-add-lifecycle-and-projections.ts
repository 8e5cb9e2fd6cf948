import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddLifecycleAndProjections1763900000000 implements MigrationInterface {
  name = 'AddLifecycleAndProjections1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE complaint
        ADD COLUMN regulatory_deadline_days integer NOT NULL DEFAULT 15 CHECK (regulatory_deadline_days IN (15, 30, 60)),
        ADD COLUMN satisfaction integer NULL CHECK (satisfaction BETWEEN 1 AND 5),
        ADD COLUMN feedback_comment text NULL,
        ADD COLUMN resolution jsonb NULL`);
    // The audit trail names the transition and keeps its particulars (outcome, requested information, approver).
    await queryRunner.query(`
      ALTER TABLE complaint_transition
        ADD COLUMN transition text NOT NULL DEFAULT 'register',
        ADD COLUMN details jsonb NOT NULL DEFAULT '{}'`);
    // What other services decided about a complaint, kept from their events (intake never reads their tables).
    await queryRunner.query(`
      CREATE TABLE complaint_projection (
        complaint_id             uuid         PRIMARY KEY,
        category                 text         NULL,
        subcategory              text         NULL,
        urgency                  text         NULL,
        risk                     text         NULL,
        priority                 text         NULL,
        classification_revision  integer      NULL,
        team                     text         NULL,
        level                    text         NULL,
        routed_at                timestamptz  NULL,
        updated_at               timestamptz  NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX complaint_projection_category ON complaint_projection (category)`);
    await queryRunner.query(`CREATE INDEX complaint_channel_received ON complaint (channel, received_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX complaint_channel_received`);
    await queryRunner.query(`DROP TABLE complaint_projection`);
    await queryRunner.query(`ALTER TABLE complaint_transition DROP COLUMN details, DROP COLUMN transition`);
    await queryRunner.query(
      `ALTER TABLE complaint DROP COLUMN resolution, DROP COLUMN feedback_comment, DROP COLUMN satisfaction, DROP COLUMN regulatory_deadline_days`,
    );
  }
}
