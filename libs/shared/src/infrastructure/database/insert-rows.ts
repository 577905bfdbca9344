import { DateUtils, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

interface Plan {
  /** The columns TypeORM's InsertQueryBuilder would write; null when only the builder will do. */
  columns: ColumnMetadata[] | null;
  table: string;
  sqlite: boolean;
  /** INSERT statements by shape: the row count and which of `columns` the rows define. */
  sql: Map<string, string>;
}

/** Per entity of each initialised data source (its metadata is rebuilt when it is initialised again). */
const plans = new WeakMap<EntityMetadata, Plan>();

/**
 * INSERT of ready-made rows, nothing read back, on the caller's transaction (the manager passed in).
 *
 * `Repository.insert` asks TypeORM to update the given objects with generated columns, which on SQLite
 * costs a SELECT after every INSERT; and InsertQueryBuilder builds, escapes and rewrites its SQL on
 * every call, about 8 % of the event loop's time per login in a profile (two inserts per login;
 * docs/performance.md, "Per-request work, the login path"). Here the SQL is written once per entity
 * and shape of rows, like `KeyLookup` does for reads, and run with `manager.query`. Values go through
 * the driver's `preparePersistentValue`, which applies the column's transformer first, exactly as the
 * builder does, so the same values are written (test/database/insert-rows.e2e-spec.ts compares both).
 *
 * Columns no row defines are left out, so the database's default applies (the builder writes
 * `DEFAULT` on PostgreSQL, the entity's default on SQLite). The query builder still does the cases
 * this does not reproduce: rows that define different columns, SQL-expression values (functions),
 * entities with insert listeners or subscribers, version, discriminator or locally generated uuid
 * columns, and drivers other than PostgreSQL and better-sqlite3.
 */
export async function insertRows<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  rows: QueryDeepPartialEntity<Entity> | QueryDeepPartialEntity<Entity>[],
): Promise<void> {
  const list = (Array.isArray(rows) ? rows : [rows]) as ObjectLiteral[];
  if (list.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const plan = plans.get(metadata) ?? planFor(metadata);
  const statement = plan.columns && statementFor(plan, plan.columns, metadata, list);
  if (statement) await manager.query(statement.sql, statement.parameters);
  else await manager.createQueryBuilder().insert().into(target).values(rows).updateEntity(false).execute();
}

function statementFor(
  plan: Plan,
  columns: ColumnMetadata[],
  metadata: EntityMetadata,
  rows: ObjectLiteral[],
): { sql: string; parameters: unknown[] } | null {
  const driver = metadata.connection.driver;
  const isDefined = columns.map((column) => column.getEntityValue(rows[0]) !== undefined);
  const defined = columns.filter((_, i) => isDefined[i]);
  if (defined.length === 0) return null;
  const parameters: unknown[] = [];
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      const value: unknown = columns[i].getEntityValue(row);
      if (typeof value === 'function' || (value !== undefined) !== isDefined[i]) return null;
      if (value === undefined) continue;
      const prepared: unknown = driver.preparePersistentValue(value, columns[i]);
      parameters.push(plan.sqlite ? sqliteParameter(prepared) : prepared);
    }
  }
  const shape = `${rows.length}:${isDefined.map(Number).join('')}`;
  let sql = plan.sql.get(shape);
  if (!sql) {
    let n = 0;
    const placeholder = () => (plan.sqlite ? '?' : `$${++n}`);
    const values = rows.map(() => `(${defined.map(placeholder).join(', ')})`).join(', ');
    const names = defined.map((column) => driver.escape(column.databaseName)).join(', ');
    sql = `INSERT INTO ${plan.table} (${names}) VALUES ${values}`;
    if (plan.sql.size < 100) plan.sql.set(shape, sql);
  }
  return { sql, parameters };
}

/**
 * A value as the SQLite driver's `escapeQueryWithParameters` hands it to the builder's SQL: numbers go
 * into the SQL text there, and an integer literal is stored as an integer whatever the column's
 * affinity, where better-sqlite3 binds a JS number as a double (`'3.0'` in a text column); a Date the
 * column's type left as one becomes UTC datetime text.
 */
function sqliteParameter(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (value instanceof Date) return DateUtils.mixedDateToUtcDatetimeString(value);
  return value;
}

function planFor(metadata: EntityMetadata): Plan {
  const connection = metadata.connection;
  const driver = connection.driver;
  const type = connection.options.type;
  const sqlite = type === 'better-sqlite3';
  const builderOnly =
    !(sqlite || type === 'postgres') ||
    metadata.beforeInsertListeners.length > 0 ||
    metadata.afterInsertListeners.length > 0 ||
    connection.subscribers.some((subscriber) => subscriber.beforeInsert || subscriber.afterInsert) ||
    metadata.columns.some(
      (column) =>
        column.isVersion ||
        column.isDiscriminator ||
        (column.isGenerated && column.generationStrategy === 'uuid') ||
        driver.spatialTypes.includes(column.type) ||
        (sqlite && column.type === 'jsonb'), // the builder wraps these in jsonb(...)
    );
  // InsertQueryBuilder.getInsertedColumns for these two drivers: PostgreSQL leaves an increment key to
  // its sequence even when a value is given.
  const columns = metadata.columns.filter(
    (column) =>
      column.isInsert && !(!sqlite && column.isGenerated && column.generationStrategy === 'increment'),
  );
  const plan: Plan = {
    columns: builderOnly ? null : columns,
    table: metadata.tablePath
      .split('.')
      .map((part) => driver.escape(part))
      .join('.'),
    sqlite,
    sql: new Map(),
  };
  plans.set(metadata, plan);
  return plan;
}
