import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectTypes } from '../../database/dialect';

/** One migration for both dialects, with the column types of each. */
export class CreateEventTables1732600000000 implements MigrationInterface {
  name = 'CreateEventTables1732600000000';

  async up(runner: QueryRunner): Promise<void> {
    const { serial, uuid, json, timestamp } = dialectTypes(runner);
    await runner.query(`CREATE TABLE "outbox_messages" (
      "position" ${serial},
      "event_id" ${uuid} NOT NULL,
      "event_type" varchar(200) NOT NULL,
      "payload" ${json} NOT NULL,
      "correlation_id" varchar(128),
      "occurred_at" ${timestamp} NOT NULL,
      "created_at" ${timestamp} NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "available_at" ${timestamp} NOT NULL,
      "locked_by" varchar(128),
      "locked_until" ${timestamp},
      "published_at" ${timestamp},
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
      "event_id" ${uuid} NOT NULL,
      "handler" varchar(200) NOT NULL,
      "processed_at" ${timestamp} NOT NULL,
      PRIMARY KEY ("event_id", "handler"))`);
    await runner.query(
      `CREATE INDEX "processed_events_processed_at_idx" ON "processed_events" ("processed_at")`,
    );
    await runner.query(`CREATE TABLE "dead_letters" (
      "id" ${uuid} PRIMARY KEY NOT NULL,
      "event_id" ${uuid} NOT NULL,
      "event_type" varchar(200) NOT NULL,
      "handler" varchar(200) NOT NULL,
      "envelope" ${json} NOT NULL,
      "error" text NOT NULL,
      "attempts" integer NOT NULL,
      "failed_at" ${timestamp} NOT NULL)`);
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
