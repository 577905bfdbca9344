import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectTypes } from '@fluentpro/shared';

/** Accounts, sessions and login throttles; one migration, with the column types of each dialect. */
export class CreateAuthenticationTables1732500000000 implements MigrationInterface {
  name = 'CreateAuthenticationTables1732500000000';

  async up(runner: QueryRunner): Promise<void> {
    const { uuid, timestamp } = dialectTypes(runner);
    await runner.query(`CREATE TABLE "users" (
      "id" ${uuid} PRIMARY KEY NOT NULL,
      "email" varchar(254) NOT NULL,
      "full_name" varchar(100) NOT NULL,
      "date_of_birth" date NOT NULL,
      "password_hash" varchar(255),
      "external_id" varchar(255),
      "created_at" ${timestamp} NOT NULL,
      "updated_at" ${timestamp} NOT NULL)`);
    await runner.query(`CREATE UNIQUE INDEX "users_email_lower_key" ON "users" (lower("email"))`);
    await runner.query(`CREATE UNIQUE INDEX "users_external_id_key" ON "users" ("external_id")`);
    await runner.query(`CREATE TABLE "sessions" (
      "id" ${uuid} PRIMARY KEY NOT NULL,
      "user_id" ${uuid} NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
      "refresh_token_hash" varchar(64) NOT NULL,
      "rotated_at" ${timestamp},
      "created_at" ${timestamp} NOT NULL,
      "last_used_at" ${timestamp} NOT NULL,
      "expires_at" ${timestamp} NOT NULL,
      "revoked_at" ${timestamp},
      "revoked_reason" varchar(32),
      "user_agent" varchar(512),
      "ip_address" varchar(64))`);
    await runner.query(`CREATE INDEX "sessions_user_id_idx" ON "sessions" ("user_id")`);
    await runner.query(`CREATE INDEX "sessions_expires_at_idx" ON "sessions" ("expires_at")`);
    await runner.query(`CREATE TABLE "login_throttles" (
      "email_key" varchar(254) PRIMARY KEY NOT NULL,
      "failures" integer NOT NULL,
      "locked_until" ${timestamp},
      "updated_at" ${timestamp} NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "login_throttles"`);
    await runner.query(`DROP TABLE "sessions"`);
    await runner.query(`DROP TABLE "users"`);
  }
}
