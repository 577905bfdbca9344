import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDevMailboxPostgres1732700000000 implements MigrationInterface {
  name = 'CreateDevMailboxPostgres1732700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "dev_mailbox" (
      "id" uuid PRIMARY KEY,
      "recipient" varchar(254) NOT NULL,
      "subject" varchar(300) NOT NULL,
      "text_body" text NOT NULL,
      "html_body" text,
      "correlation_id" varchar(128),
      "created_at" timestamptz NOT NULL)`);
    await runner.query(`CREATE INDEX "dev_mailbox_recipient_idx" ON "dev_mailbox" (lower("recipient"))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "dev_mailbox"`);
  }
}

export class CreateDevMailboxSqlite1732700000000 implements MigrationInterface {
  name = 'CreateDevMailboxSqlite1732700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "dev_mailbox" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "recipient" varchar(254) NOT NULL,
      "subject" varchar(300) NOT NULL,
      "text_body" text NOT NULL,
      "html_body" text,
      "correlation_id" varchar(128),
      "created_at" datetime NOT NULL)`);
    await runner.query(`CREATE INDEX "dev_mailbox_recipient_idx" ON "dev_mailbox" (lower("recipient"))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "dev_mailbox"`);
  }
}
