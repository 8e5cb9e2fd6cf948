import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createInboxTableV1,
  createOutboxTableV1,
  dropInboxTableV1,
  dropOutboxTableV1,
} from '@complaints/kafka';

export class CreateNotificationTables1763800400000 implements MigrationInterface {
  name = 'CreateNotificationTables1763800400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE template (
        id          text  PRIMARY KEY,
        event_type  text  NOT NULL,
        audience    text  NOT NULL,
        channel     text  NOT NULL,
        language    text  NOT NULL,
        subject     text  NULL,
        body        text  NOT NULL,
        UNIQUE (event_type, audience, channel, language)
      )`);
    // First templates: the acknowledgement the standards require (received, with its reference). Versioned
    // templates for every event and audience are issue #7.
    await queryRunner.query(
      `INSERT INTO template (id, event_type, audience, channel, language, subject, body) VALUES
        ('ack-sms-zh', 'complaint.received', 'customer', 'sms', 'zh-CN', NULL,
         '【投诉受理】尊敬的客户，您的投诉已受理，编号 {{reference}}。我们将尽快与您联系处理结果。'),
        ('ack-sms-en', 'complaint.received', 'customer', 'sms', 'en', NULL,
         'We have received your complaint, reference {{reference}}. We will contact you shortly about the outcome.'),
        ('ack-email-zh', 'complaint.received', 'customer', 'email', 'zh-CN', '您的投诉已受理（编号 {{reference}}）',
         '{{name}}，您好：\n\n您的投诉已受理，编号 {{reference}}。我们将尽快与您联系处理结果。如需补充材料，请回复本邮件并注明编号。'),
        ('ack-email-en', 'complaint.received', 'customer', 'email', 'en', 'We have received your complaint ({{reference}})',
         'Dear {{name}},\n\nWe have received your complaint, reference {{reference}}. We will contact you shortly about the outcome. Please quote the reference in any reply.')`,
    );
    // One row per (triggering event, audience, channel): the unique key is what makes a redelivered event
    // never send twice. Only the masked address is stored.
    await queryRunner.query(`
      CREATE TABLE delivery (
        id                   uuid         PRIMARY KEY,
        event_id             uuid         NOT NULL,
        event_type           text         NOT NULL,
        complaint_id         uuid         NOT NULL,
        audience             text         NOT NULL,
        channel              text         NOT NULL,
        template_id          text         NULL,
        language             text         NOT NULL,
        recipient_masked     text         NOT NULL,
        status               text         NOT NULL,
        attempts             integer      NOT NULL DEFAULT 0,
        provider_message_id  text         NULL,
        error                text         NULL,
        created_at           timestamptz  NOT NULL DEFAULT now(),
        sent_at              timestamptz  NULL,
        UNIQUE (event_id, audience, channel)
      )`);
    await queryRunner.query(`CREATE INDEX delivery_complaint ON delivery (complaint_id, created_at)`);
    await createOutboxTableV1(queryRunner);
    await createInboxTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropInboxTableV1(queryRunner);
    await dropOutboxTableV1(queryRunner);
    await queryRunner.query(`DROP TABLE delivery`);
    await queryRunner.query(`DROP TABLE template`);
  }
}
