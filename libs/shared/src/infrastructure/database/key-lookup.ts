import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

export interface KeyLookupOptions<T> {
  /** Only these properties are read (the others stay undefined); all columns by default. */
  select?: (keyof T & string)[];
  /** Wraps both sides of the comparison, e.g. `(sql) => \`lower(${sql})\`` to use a functional index. */
  compare?: (sql: string) => string;
}

interface Prepared {
  sql: string;
  columns: ColumnMetadata[];
}

/**
 * A single-row read by one indexed column (primary key, unique email), for the per-request hot paths.
 * TypeORM's `findOne` builds a query builder, escapes and rewrites its SQL and runs the result
 * transformer on every call: on `/profile` that was about a third of the request's CPU time
 * (docs/performance.md). This writes the SQL once per data source and hydrates the row with the
 * driver's own `prepareHydratedValue`, so values come back exactly as `findOne` returns them, in the
 * caller's transaction when there is one (the manager is passed per call).
 */
export class KeyLookup<T extends ObjectLiteral> {
  private readonly prepared = new WeakMap<object, Prepared>();

  constructor(
    private readonly entity: EntityTarget<T>,
    private readonly keyProperty: keyof T & string,
    private readonly options: KeyLookupOptions<T> = {},
  ) {}

  async find(manager: EntityManager, key: unknown): Promise<T | null> {
    const { sql, columns } = this.prepare(manager);
    const rows = await manager.query<Record<string, unknown>[]>(sql, [key]);
    const row = rows[0];
    if (!row) return null;
    const driver = manager.connection.driver;
    const record = manager.connection.getMetadata(this.entity).create() as T;
    for (const column of columns) {
      (record as Record<string, unknown>)[column.propertyName] = driver.prepareHydratedValue(
        row[column.databaseName],
        column,
      );
    }
    return record;
  }

  private prepare(manager: EntityManager): Prepared {
    const connection = manager.connection;
    const cached = this.prepared.get(connection);
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
    const prepared = {
      columns,
      sql:
        `SELECT ${columns.map((c) => driver.escape(c.databaseName)).join(', ')} ` +
        `FROM ${driver.escape(metadata.tableName)} ` +
        `WHERE ${compare(driver.escape(key.databaseName))} = ${compare(placeholder)} LIMIT 1`,
    };
    this.prepared.set(connection, prepared);
    return prepared;
  }
}
