import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectTypes } from '@fluentpro/shared';

/** Roles (`user`, `admin`) and deactivation on the account (issue 7). Existing accounts become users. */
export class AddAccountRoleAndStatus1732700000000 implements MigrationInterface {
  name = 'AddAccountRoleAndStatus1732700000000';

  async up(runner: QueryRunner): Promise<void> {
    const { timestamp } = dialectTypes(runner);
    // One column per statement: SQLite adds one at a time.
    await runner.query(
      `ALTER TABLE "users" ADD COLUMN "role" varchar(16) NOT NULL DEFAULT 'user' CONSTRAINT "users_role_check" CHECK ("role" IN ('user', 'admin'))`,
    );
    await runner.query(`ALTER TABLE "users" ADD COLUMN "deactivated_at" ${timestamp}`);
    await runner.query(`CREATE INDEX "users_created_at_idx" ON "users" ("created_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "users_created_at_idx"`);
    await runner.query(`ALTER TABLE "users" DROP COLUMN "deactivated_at"`);
    await runner.query(`ALTER TABLE "users" DROP COLUMN "role"`);
  }
}
