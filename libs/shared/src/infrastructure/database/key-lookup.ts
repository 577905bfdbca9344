import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

export interface KeyLookupOptions<T> {
  /** Only these properties are read (the others stay undefined); all columns by default. */
  select?: (keyof T & string)[];
  /** Wraps both sides of the comparison, e.g. `(sql) => \`lower(${sql})\`` to use a functional index. */
  compare?: (sql: string) => string;
}

type Row = Record<string, unknown>;
type PgResult = { rows: Row[] };

interface PgPool {
  query(sql: string, parameters: unknown[]): Promise<PgResult>;
}

/** The first row of `pg`'s result or of TypeORM's `manager.query`. */
const firstRow = (result: PgResult | Row[]): Row | undefined =>
  Array.isArray(result) ? result[0] : result.rows[0];

interface Prepared {
  metadata: EntityMetadata;
  sql: string;
  columns: ColumnMetadata[];
  /** better-sqlite3 only: the statement, prepared once on the data source's single connection. */
  statement?: { get(key: unknown): unknown };
}

/**
 * A single-row read by one indexed column (primary key, unique email), for the per-request hot paths.
 * TypeORM's `findOne` builds a query builder, escapes and rewrites its SQL and runs the result
 * transformer on every call: on `/profile` that was about a third of the request's CPU time
 * (docs/performance.md). This writes the SQL once per data source and hydrates the row with the
 * driver's own `prepareHydratedValue`, so values come back exactly as `findOne` returns them, in the
 * caller's transaction when there is one (the manager is passed per call). On SQLite the statement is
 * prepared once and run synchronously on the one connection TypeORM shares between callers (which is
 * also the open transaction's, so it reads that transaction's writes): no query runner per read.
 * On PostgreSQL see `queryOne`.
 */
export class KeyLookup<T extends ObjectLiteral> {
  private readonly prepared = new WeakMap<object, Prepared>();

  constructor(
    private readonly entity: EntityTarget<T>,
    private readonly keyProperty: keyof T & string,
    private readonly options: KeyLookupOptions<T> = {},
  ) {}

  async find(manager: EntityManager, key: unknown): Promise<T | null> {
    const { metadata, sql, columns, statement } = this.prepare(manager);
    const row = statement
      ? (statement.get(key) as Row | undefined)
      : firstRow(await this.query(manager, sql, key));
    if (!row) return null;
    const driver = manager.connection.driver;
    const record = metadata.create() as T;
    for (const column of columns) {
      (record as Record<string, unknown>)[column.propertyName] = driver.prepareHydratedValue(
        row[column.databaseName],
        column,
      );
    }
    return record;
  }

  /**
   * PostgreSQL: outside a transaction straight on the driver's pool (one round trip, as `pg` itself
   * does it) instead of a query runner per read; inside one on the transaction's connection. Not
   * `async`: `find` awaits the driver's own promise, two promises fewer per read (each runs Node 20's
   * AsyncLocalStorage hooks, docs/performance.md).
   */
  private query(manager: EntityManager, sql: string, key: unknown): Promise<PgResult | Row[]> {
    const pool = manager.queryRunner
      ? undefined
      : (manager.connection.driver as unknown as { master?: PgPool }).master;
    if (pool && typeof pool.query === 'function') return pool.query(sql, [key]);
    return manager.query<Row[]>(sql, [key]);
  }

  private prepare(manager: EntityManager): Prepared {
    const connection = manager.connection;
    // Per SQLite connection object (a data source re-initialised gets a new one), else per data source.
    const cacheKey =
      (connection.driver as unknown as { databaseConnection?: object }).databaseConnection ?? connection;
    const cached = this.prepared.get(cacheKey);
    if (cached) return cached;
    const metadata = connection.getMetadata(this.entity);
    const driver = connection.driver;
    const key = metadata.findColumnWithPropertyName(this.keyProperty);
    if (!key) throw new Error(`${metadata.name} has no column ${this.keyProperty}`);
    const columns = this.options.select
      ? this.options.select.map((property) => {
          const column = metadata.findColumnWithPropertyName(property);
          if (!column) throw new Error(`${metadata.name} has no column ${property}`);
          return column;
        })
      : metadata.columns;
    const compare = this.options.compare ?? ((sql: string) => sql);
    const placeholder = connection.options.type === 'postgres' ? '$1' : '?';
    const sql =
      `SELECT ${columns.map((c) => driver.escape(c.databaseName)).join(', ')} ` +
      `FROM ${driver.escape(metadata.tableName)} ` +
      `WHERE ${compare(driver.escape(key.databaseName))} = ${compare(placeholder)} LIMIT 1`;
    const sqlite =
      connection.options.type === 'better-sqlite3'
        ? (driver as unknown as { databaseConnection: { prepare(sql: string): Prepared['statement'] } })
            .databaseConnection
        : undefined;
    const prepared: Prepared = { metadata, columns, sql, statement: sqlite?.prepare(sql) };
    this.prepared.set(cacheKey, prepared);
    return prepared;
  }
}
