import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventTablesPostgres1732600000000 implements MigrationInterface {
  name = 'CreateEventTablesPostgres1732600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "outbox_messages" (
      "position" bigserial PRIMARY KEY,
      "event_id" uuid NOT NULL,
      "event_type" varchar(200) NOT NULL,
      "payload" jsonb NOT NULL,
      "correlation_id" varchar(128),
      "occurred_at" timestamptz NOT NULL,
      "created_at" timestamptz NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "available_at" timestamptz NOT NULL,
      "locked_by" varchar(128),
      "locked_until" timestamptz,
      "published_at" timestamptz,
      "last_error" text)`);
    await runner.query(
      `CREATE UNIQUE INDEX "outbox_messages_event_id_key" ON "outbox_messages" ("event_id")`,
    );
    await runner.query(
      `CREATE INDEX "outbox_messages_pending_idx" ON "outbox_messages" ("position") WHERE "published_at" IS NULL`,
    );
    await runner.query(
      `CREATE INDEX "outbox_messages_published_at_idx" ON "outbox_messages" ("published_at")`,
    );
    await runner.query(`CREATE TABLE "processed_events" (
      "event_id" uuid NOT NULL,
      "handler" varchar(200) NOT NULL,
      "processed_at" timestamptz NOT NULL,
      PRIMARY KEY ("event_id", "handler"))`);
    await runner.query(
      `CREATE INDEX "processed_events_processed_at_idx" ON "processed_events" ("processed_at")`,
    );
    await runner.query(`CREATE TABLE "dead_letters" (
      "id" uuid PRIMARY KEY,
      "event_id" uuid NOT NULL,
      "event_type" varchar(200) NOT NULL,
      "handler" varchar(200) NOT NULL,
      "envelope" jsonb NOT NULL,
      "error" text NOT NULL,
      "attempts" integer NOT NULL,
      "failed_at" timestamptz NOT NULL)`);
    await runner.query(
      `CREATE UNIQUE INDEX "dead_letters_event_handler_key" ON "dead_letters" ("event_id", "handler")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "dead_letters"`);
    await runner.query(`DROP TABLE "processed_events"`);
    await runner.query(`DROP TABLE "outbox_messages"`);
  }
}

export class CreateEventTablesSqlite1732600000000 implements MigrationInterface {
  name = 'CreateEventTablesSqlite1732600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "outbox_messages" (
      "position" INTEGER PRIMARY KEY AUTOINCREMENT,
      "event_id" varchar(36) NOT NULL,
      "event_type" varchar(200) NOT NULL,
      "payload" text NOT NULL,
      "correlation_id" varchar(128),
      "occurred_at" datetime NOT NULL,
      "created_at" datetime NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "available_at" datetime NOT NULL,
      "locked_by" varchar(128),
      "locked_until" datetime,
      "published_at" datetime,
      "last_error" text)`);
    await runner.query(
      `CREATE UNIQUE INDEX "outbox_messages_event_id_key" ON "outbox_messages" ("event_id")`,
    );
    await runner.query(
      `CREATE INDEX "outbox_messages_pending_idx" ON "outbox_messages" ("position") WHERE "published_at" IS NULL`,
    );
    await runner.query(
      `CREATE INDEX "outbox_messages_published_at_idx" ON "outbox_messages" ("published_at")`,
    );
    await runner.query(`CREATE TABLE "processed_events" (
      "event_id" varchar(36) NOT NULL,
      "handler" varchar(200) NOT NULL,
      "processed_at" datetime NOT NULL,
      PRIMARY KEY ("event_id", "handler"))`);
    await runner.query(
      `CREATE INDEX "processed_events_processed_at_idx" ON "processed_events" ("processed_at")`,
    );
    await runner.query(`CREATE TABLE "dead_letters" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "event_id" varchar(36) NOT NULL,
      "event_type" varchar(200) NOT NULL,
      "handler" varchar(200) NOT NULL,
      "envelope" text NOT NULL,
      "error" text NOT NULL,
      "attempts" integer NOT NULL,
      "failed_at" datetime NOT NULL)`);
    await runner.query(
      `CREATE UNIQUE INDEX "dead_letters_event_handler_key" ON "dead_letters" ("event_id", "handler")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "dead_letters"`);
    await runner.query(`DROP TABLE "processed_events"`);
    await runner.query(`DROP TABLE "outbox_messages"`);
  }
}
