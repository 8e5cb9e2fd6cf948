import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createInboxTableV1,
  createOutboxTableV1,
  dropInboxTableV1,
  dropOutboxTableV1,
} from '@complaints/kafka';

export class CreateEscalationTables1763800300000 implements MigrationInterface {
  name = 'CreateEscalationTables1763800300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing_rule (
        id             text     PRIMARY KEY,
        rule_order     integer  NOT NULL,
        category       text     NULL,
        urgency        text     NULL,
        risk           text     NULL,
        signal         text     NULL,
        team           text     NOT NULL,
        matrix_version text     NOT NULL
      )`);
    // The default matrix from the standards; operators replace it as data (GET/PUT /v1/escalation-matrix, #6).
    await queryRunner.query(`
      INSERT INTO routing_rule (id, rule_order, category, urgency, risk, signal, team, matrix_version) VALUES
        ('unauthorised-to-risk-control', 10, NULL, NULL, NULL, 'unauthorised-transaction', 'risk-control', '2026.11-1'),
        ('fraud-to-risk-control',        20, NULL, NULL, NULL, 'fraud', 'risk-control', '2026.11-1'),
        ('large-amount-to-risk-control', 30, NULL, NULL, NULL, 'large-amount', 'risk-control', '2026.11-1'),
        ('infosec-to-security',          40, 'information-security', NULL, NULL, NULL, 'information-security', '2026.11-1'),
        ('technical-to-technology',      50, 'system-and-technical', NULL, NULL, NULL, 'technology', '2026.11-1'),
        ('default-frontline',          1000, NULL, NULL, NULL, NULL, 'frontline', '2026.11-1')`);
    await queryRunner.query(`
      CREATE TABLE assignment (
        complaint_id    uuid         PRIMARY KEY,
        team            text         NOT NULL,
        level           text         NOT NULL,
        rule_id         text         NOT NULL,
        matrix_version  text         NOT NULL,
        reason          text         NOT NULL,
        assigned_at     timestamptz  NOT NULL
      )`);
    await createOutboxTableV1(queryRunner);
    await createInboxTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropInboxTableV1(queryRunner);
    await dropOutboxTableV1(queryRunner);
    await queryRunner.query(`DROP TABLE assignment`);
    await queryRunner.query(`DROP TABLE routing_rule`);
  }
}
