import { MigrationInterface, QueryRunner } from 'typeorm';

/** Roles (`user`, `admin`) and deactivation on the account (issue 7). Existing accounts become users. */
export class AddAccountRoleAndStatusPostgres1732700000000 implements MigrationInterface {
  name = 'AddAccountRoleAndStatusPostgres1732700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users"
      ADD COLUMN "role" varchar(16) NOT NULL DEFAULT 'user'
        CONSTRAINT "users_role_check" CHECK ("role" IN ('user', 'admin')),
      ADD COLUMN "deactivated_at" timestamptz`);
    await runner.query(`CREATE INDEX "users_created_at_idx" ON "users" ("created_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "users_created_at_idx"`);
    await runner.query(`ALTER TABLE "users" DROP COLUMN "deactivated_at", DROP COLUMN "role"`);
  }
}

export class AddAccountRoleAndStatusSqlite1732700000000 implements MigrationInterface {
  name = 'AddAccountRoleAndStatusSqlite1732700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "users" ADD COLUMN "role" varchar(16) NOT NULL DEFAULT 'user' CHECK ("role" IN ('user', 'admin'))`,
    );
    await runner.query(`ALTER TABLE "users" ADD COLUMN "deactivated_at" datetime`);
    await runner.query(`CREATE INDEX "users_created_at_idx" ON "users" ("created_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "users_created_at_idx"`);
    await runner.query(`ALTER TABLE "users" DROP COLUMN "deactivated_at"`);
    await runner.query(`ALTER TABLE "users" DROP COLUMN "role"`);
  }
}
