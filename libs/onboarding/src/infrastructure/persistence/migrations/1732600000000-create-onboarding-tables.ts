import { MigrationInterface, QueryRunner } from 'typeorm';

type Dialect = 'postgres' | 'sqlite';

/** The onboarding schema; `timestamp` is timestamptz on PostgreSQL and datetime on SQLite. */
function statements(dialect: Dialect): string[] {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'datetime';
  const described = (table: string) => `CREATE TABLE "${table}" (
      "id" varchar(64) PRIMARY KEY NOT NULL,
      "name" varchar(100) NOT NULL,
      "description" text NOT NULL,
      "position" integer NOT NULL)`;
  // SQLite checks foreign keys when rows change, so a table may name one created after it;
  // PostgreSQL needs the custom roles table first, hence the constraint added afterwards there.
  const customRoleReference =
    dialect === 'sqlite' ? ' REFERENCES "onboarding_custom_roles" ("id") DEFERRABLE INITIALLY DEFERRED' : '';
  return [
    `CREATE TABLE "onboarding_languages" (
      "id" varchar(64) PRIMARY KEY NOT NULL,
      "name" varchar(100) NOT NULL,
      "native_name" varchar(100) NOT NULL,
      "position" integer NOT NULL)`,
    described('onboarding_industries'),
    described('onboarding_communication_partners'),
    described('onboarding_situations'),
    described('onboarding_proficiency_levels'),
    `CREATE TABLE "onboarding_hierarchy_levels" (
      "id" varchar(64) PRIMARY KEY NOT NULL,
      "name" varchar(100) NOT NULL,
      "position" integer NOT NULL)`,
    `CREATE TABLE "onboarding_roles" (
      "id" varchar(64) PRIMARY KEY NOT NULL,
      "industry_id" varchar(64) NOT NULL REFERENCES "onboarding_industries" ("id"),
      "hierarchy_level_id" varchar(64) NOT NULL REFERENCES "onboarding_hierarchy_levels" ("id"),
      "title" varchar(200) NOT NULL,
      "description" text NOT NULL,
      "keywords" text NOT NULL,
      "position" integer NOT NULL)`,
    `CREATE INDEX "onboarding_roles_industry_idx" ON "onboarding_roles" ("industry_id")`,
    `CREATE TABLE "onboarding_role_vectors" (
      "role_id" varchar(64) NOT NULL,
      "model" varchar(200) NOT NULL,
      "content_hash" varchar(64) NOT NULL,
      "vector" text NOT NULL,
      "created_at" ${timestamp} NOT NULL,
      PRIMARY KEY ("role_id", "model"))`,
    `CREATE TABLE "onboarding_profiles" (
      "user_id" varchar(64) PRIMARY KEY NOT NULL,
      "native_language_id" varchar(64) REFERENCES "onboarding_languages" ("id"),
      "industry_id" varchar(64) REFERENCES "onboarding_industries" ("id"),
      "role_id" varchar(64) REFERENCES "onboarding_roles" ("id"),
      "custom_role_id" varchar(36)${customRoleReference},
      "proficiency_level_id" varchar(64) REFERENCES "onboarding_proficiency_levels" ("id"),
      "learning_goals" text,
      "daily_minutes" integer,
      "is_complete" boolean NOT NULL,
      "completed_at" ${timestamp},
      "version" integer NOT NULL,
      "created_at" ${timestamp} NOT NULL,
      "updated_at" ${timestamp} NOT NULL,
      CHECK ("role_id" IS NULL OR "custom_role_id" IS NULL))`,
    `CREATE TABLE "onboarding_custom_roles" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "user_id" varchar(64) NOT NULL REFERENCES "onboarding_profiles" ("user_id") ON DELETE CASCADE,
      "industry_id" varchar(64) NOT NULL REFERENCES "onboarding_industries" ("id"),
      "hierarchy_level_id" varchar(64) REFERENCES "onboarding_hierarchy_levels" ("id"),
      "title" varchar(200) NOT NULL,
      "description" text NOT NULL,
      "created_at" ${timestamp} NOT NULL,
      "updated_at" ${timestamp} NOT NULL)`,
    `CREATE UNIQUE INDEX "onboarding_custom_roles_title_key"
      ON "onboarding_custom_roles" ("user_id", "industry_id", lower("title"))`,
    ...(dialect === 'postgres'
      ? [
          `ALTER TABLE "onboarding_profiles" ADD CONSTRAINT "onboarding_profiles_custom_role_fkey"
            FOREIGN KEY ("custom_role_id") REFERENCES "onboarding_custom_roles" ("id")
            DEFERRABLE INITIALLY DEFERRED`,
        ]
      : []),
    `CREATE TABLE "onboarding_profile_partners" (
      "user_id" varchar(64) NOT NULL REFERENCES "onboarding_profiles" ("user_id") ON DELETE CASCADE,
      "partner_id" varchar(64) NOT NULL REFERENCES "onboarding_communication_partners" ("id"),
      "priority" integer NOT NULL,
      PRIMARY KEY ("user_id", "partner_id"))`,
    `CREATE TABLE "onboarding_profile_situations" (
      "user_id" varchar(64) NOT NULL,
      "partner_id" varchar(64) NOT NULL,
      "priority" integer NOT NULL,
      "situation_id" varchar(64) REFERENCES "onboarding_situations" ("id"),
      "custom_situation_id" varchar(36),
      "custom_name" varchar(100),
      PRIMARY KEY ("user_id", "partner_id", "priority"),
      FOREIGN KEY ("user_id", "partner_id")
        REFERENCES "onboarding_profile_partners" ("user_id", "partner_id") ON DELETE CASCADE,
      CHECK (("situation_id" IS NULL) <> ("custom_name" IS NULL)))`,
    `CREATE TABLE "onboarding_learning_plans" (
      "user_id" varchar(64) PRIMARY KEY NOT NULL REFERENCES "onboarding_profiles" ("user_id") ON DELETE CASCADE,
      "status" varchar(16) NOT NULL,
      "requested_at" ${timestamp} NOT NULL,
      "basis" text NOT NULL,
      "items" text,
      "generated_at" ${timestamp},
      "updated_at" ${timestamp} NOT NULL)`,
  ];
}

const TABLES_IN_DROP_ORDER = [
  'onboarding_learning_plans',
  'onboarding_profile_situations',
  'onboarding_profile_partners',
  'onboarding_custom_roles',
  'onboarding_profiles',
  'onboarding_role_vectors',
  'onboarding_roles',
  'onboarding_hierarchy_levels',
  'onboarding_proficiency_levels',
  'onboarding_situations',
  'onboarding_communication_partners',
  'onboarding_industries',
  'onboarding_languages',
];

async function up(runner: QueryRunner, dialect: Dialect): Promise<void> {
  for (const statement of statements(dialect)) await runner.query(statement);
}

async function down(runner: QueryRunner, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres')
    await runner.query(
      `ALTER TABLE "onboarding_profiles" DROP CONSTRAINT "onboarding_profiles_custom_role_fkey"`,
    );
  for (const table of TABLES_IN_DROP_ORDER) await runner.query(`DROP TABLE "${table}"`);
}

export class CreateOnboardingTablesPostgres1732600000000 implements MigrationInterface {
  name = 'CreateOnboardingTablesPostgres1732600000000';
  up = (runner: QueryRunner) => up(runner, 'postgres');
  down = (runner: QueryRunner) => down(runner, 'postgres');
}

export class CreateOnboardingTablesSqlite1732600000000 implements MigrationInterface {
  name = 'CreateOnboardingTablesSqlite1732600000000';
  up = (runner: QueryRunner) => up(runner, 'sqlite');
  down = (runner: QueryRunner) => down(runner, 'sqlite');
}
