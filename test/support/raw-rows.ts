import { DataSource, EntityManager } from 'typeorm';

/**
 * Every row of `table` as the database returns it (no entity conversion), ordered by `orderBy`, and on
 * SQLite each value's storage class beside it (`storage of <column>`): what a hand-written statement
 * must write exactly as TypeORM's builders did.
 */
export async function rawRows(dataSource: DataSource | EntityManager, table: string, orderBy: string) {
  const manager = dataSource instanceof DataSource ? dataSource.manager : dataSource;
  const columns = manager.connection.getMetadata(table).columns.map((column) => column.databaseName);
  const storage =
    manager.connection.options.type === 'postgres'
      ? ''
      : columns.map((name) => `, typeof("${name}") AS "storage of ${name}"`).join('');
  return manager.query<Record<string, unknown>[]>(`SELECT *${storage} FROM "${table}" ORDER BY "${orderBy}"`);
}
