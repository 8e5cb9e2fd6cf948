import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createInboxTableV1,
  createOutboxTableV1,
  dropInboxTableV1,
  dropOutboxTableV1,
} from '@complaints/kafka';

export class CreateClassificationTables1763800100000 implements MigrationInterface {
  name = 'CreateClassificationTables1763800100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per complaint: the current classification. Facts from complaint.received are kept so a reopened
    // complaint or an override can be assessed again without asking intake.
    await queryRunner.query(`
      CREATE TABLE classification (
        complaint_id      uuid         PRIMARY KEY,
        reference         text         NOT NULL,
        revision          integer      NOT NULL,
        category          text         NOT NULL,
        subcategory       text         NULL,
        urgency           text         NOT NULL,
        risk              text         NOT NULL,
        priority          text         NOT NULL,
        confidence        numeric(3,2) NOT NULL,
        rule_set_version  text         NOT NULL,
        matched_rules     jsonb        NOT NULL,
        signals           text[]       NOT NULL,
        channel           text         NOT NULL,
        product           text         NULL,
        vulnerable        text[]       NOT NULL,
        customer_hash     text         NOT NULL,
        received_at       timestamptz  NOT NULL,
        classified_at     timestamptz  NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX classification_customer ON classification (customer_hash, received_at)`,
    );
    await createOutboxTableV1(queryRunner);
    await createInboxTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropInboxTableV1(queryRunner);
    await dropOutboxTableV1(queryRunner);
    await queryRunner.query(`DROP TABLE classification`);
  }
}
