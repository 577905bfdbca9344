import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectTypes } from '@fluentpro/shared';

/** Digests of the tokens Auth0 issued to local sessions (used in the Auth0 mode only). */
export class CreateAuth0SessionTokens1732610000000 implements MigrationInterface {
  name = 'CreateAuth0SessionTokens1732610000000';

  async up(runner: QueryRunner): Promise<void> {
    const { uuid, timestamp } = dialectTypes(runner);
    await runner.query(`CREATE TABLE "auth0_session_tokens" (
      "token_hash" varchar(64) NOT NULL,
      "session_id" ${uuid} NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
      "kind" varchar(8) NOT NULL,
      "generation" integer NOT NULL,
      "expires_at" ${timestamp} NOT NULL,
      "created_at" ${timestamp} NOT NULL,
      PRIMARY KEY ("token_hash", "session_id"))`);
    await runner.query(
      `CREATE INDEX "auth0_session_tokens_session_id_idx" ON "auth0_session_tokens" ("session_id")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "auth0_session_tokens"`);
  }
}
