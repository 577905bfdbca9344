import { MigrationInterface, QueryRunner } from 'typeorm';
import { REFERENCE_DATA_V1 } from './reference-data.v1';

type Dialect = 'postgres' | 'sqlite';
type Row = (string | number)[];

async function insert(runner: QueryRunner, dialect: Dialect, table: string, columns: string[], rows: Row[]) {
  const placeholders = columns.map((_, index) => (dialect === 'postgres' ? `$${index + 1}` : '?')).join(', ');
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${placeholders})`;
  for (const row of rows) await runner.query(sql, row);
}

/** Seeds the reference data of REFERENCE_DATA_V1 (positions keep the listed order). */
async function up(runner: QueryRunner, dialect: Dialect): Promise<void> {
  const data = REFERENCE_DATA_V1;
  const described = (items: { id: string; name: string; description: string }[]): Row[] =>
    items.map((item, position) => [item.id, item.name, item.description, position]);
  const describedColumns = ['id', 'name', 'description', 'position'];
  await insert(
    runner,
    dialect,
    'onboarding_languages',
    ['id', 'name', 'native_name', 'position'],
    data.languages.map((l, position) => [l.id, l.name, l.nativeName, position]),
  );
  await insert(runner, dialect, 'onboarding_industries', describedColumns, described(data.industries));
  await insert(
    runner,
    dialect,
    'onboarding_communication_partners',
    describedColumns,
    described(data.partners),
  );
  await insert(runner, dialect, 'onboarding_situations', describedColumns, described(data.situations));
  await insert(
    runner,
    dialect,
    'onboarding_proficiency_levels',
    describedColumns,
    described(data.proficiencyLevels),
  );
  await insert(
    runner,
    dialect,
    'onboarding_hierarchy_levels',
    ['id', 'name', 'position'],
    data.hierarchyLevels.map((h, position) => [h.id, h.name, position]),
  );
  await insert(
    runner,
    dialect,
    'onboarding_roles',
    ['id', 'industry_id', 'hierarchy_level_id', 'title', 'description', 'keywords', 'position'],
    data.roles.map((r, position) => [
      r.id,
      r.industryId,
      r.hierarchyLevelId,
      r.title,
      r.description,
      JSON.stringify(r.keywords),
      position,
    ]),
  );
}

async function down(runner: QueryRunner): Promise<void> {
  for (const table of [
    'onboarding_roles',
    'onboarding_hierarchy_levels',
    'onboarding_proficiency_levels',
    'onboarding_situations',
    'onboarding_communication_partners',
    'onboarding_industries',
    'onboarding_languages',
  ])
    await runner.query(`DELETE FROM "${table}"`);
}

export class SeedOnboardingReferenceDataPostgres1732600000001 implements MigrationInterface {
  name = 'SeedOnboardingReferenceDataPostgres1732600000001';
  up = (runner: QueryRunner) => up(runner, 'postgres');
  down = (runner: QueryRunner) => down(runner);
}

export class SeedOnboardingReferenceDataSqlite1732600000001 implements MigrationInterface {
  name = 'SeedOnboardingReferenceDataSqlite1732600000001';
  up = (runner: QueryRunner) => up(runner, 'sqlite');
  down = (runner: QueryRunner) => down(runner);
}
