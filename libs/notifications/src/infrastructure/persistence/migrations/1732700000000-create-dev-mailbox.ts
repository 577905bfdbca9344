import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectTypes } from '@fluentpro/shared';

/** One migration for both dialects, with the column types of each. */
export class CreateDevMailbox1732700000000 implements MigrationInterface {
  name = 'CreateDevMailbox1732700000000';

  async up(runner: QueryRunner): Promise<void> {
    const { uuid, timestamp } = dialectTypes(runner);
    await runner.query(`CREATE TABLE "dev_mailbox" (
      "id" ${uuid} PRIMARY KEY NOT NULL,
      "recipient" varchar(254) NOT NULL,
      "subject" varchar(300) NOT NULL,
      "text_body" text NOT NULL,
      "html_body" text,
      "correlation_id" varchar(128),
      "created_at" ${timestamp} NOT NULL)`);
    await runner.query(`CREATE INDEX "dev_mailbox_recipient_idx" ON "dev_mailbox" (lower("recipient"))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "dev_mailbox"`);
  }
}
