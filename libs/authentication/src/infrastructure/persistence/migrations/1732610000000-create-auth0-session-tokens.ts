import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuth0SessionTokensPostgres1732610000000 implements MigrationInterface {
  name = 'CreateAuth0SessionTokensPostgres1732610000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "auth0_session_tokens" (
      "token_hash" varchar(64) NOT NULL,
      "session_id" uuid NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
      "kind" varchar(8) NOT NULL,
      "generation" integer NOT NULL,
      "expires_at" timestamptz NOT NULL,
      "created_at" timestamptz NOT NULL,
      PRIMARY KEY ("token_hash", "session_id"))`);
    await runner.query(
      `CREATE INDEX "auth0_session_tokens_session_id_idx" ON "auth0_session_tokens" ("session_id")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "auth0_session_tokens"`);
  }
}

export class CreateAuth0SessionTokensSqlite1732610000000 implements MigrationInterface {
  name = 'CreateAuth0SessionTokensSqlite1732610000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "auth0_session_tokens" (
      "token_hash" varchar(64) NOT NULL,
      "session_id" varchar(36) NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
      "kind" varchar(8) NOT NULL,
      "generation" integer NOT NULL,
      "expires_at" datetime NOT NULL,
      "created_at" datetime NOT NULL,
      PRIMARY KEY ("token_hash", "session_id"))`);
    await runner.query(
      `CREATE INDEX "auth0_session_tokens_session_id_idx" ON "auth0_session_tokens" ("session_id")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "auth0_session_tokens"`);
  }
}
