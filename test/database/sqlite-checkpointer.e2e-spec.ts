import 'reflect-metadata';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { AppConfig, buildDataSourceOptions, SqliteCheckpointer } from '@fluentpro/shared';

@Entity({ name: 'checkpoint_things' })
class ThingRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 200 }) note: string;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Rows in the database file alone, as a copy without its WAL sees them: what has been checkpointed. */
function rowsInMainFile(file: string, directory: string): number {
  const copy = join(directory, `copy-${Date.now()}.sqlite`);
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'checkpoint_things'").get();
    return table ? (db.prepare('SELECT COUNT(*) AS n FROM checkpoint_things').get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

describe('SqliteCheckpointer (WAL checkpoints on a worker thread)', () => {
  let directory: string;
  let file: string;
  let dataSource: DataSource;
  let checkpointer: SqliteCheckpointer;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fluentpro-checkpoint-'));
    file = join(directory, 'db.sqlite');
    const config = AppConfig.fromEnvironment({ NODE_ENV: 'test', DATABASE_URL: '', SQLITE_PATH: file });
    dataSource = new DataSource({
      ...buildDataSourceOptions(config, [
        { entities: [ThingRecord], migrations: { sqlite: [], postgres: [] } },
      ]),
      synchronize: true,
    });
    await dataSource.initialize();
    checkpointer = new SqliteCheckpointer(dataSource);
    checkpointer.intervalMs = 100;
  });

  afterEach(async () => {
    await checkpointer.onApplicationShutdown();
    if (dataSource.isInitialized) await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  const insert = (from: number, count: number) =>
    dataSource
      .getRepository(ThingRecord)
      .insert(Array.from({ length: count }, (_, i) => ({ id: `t${from + i}`, note: 'x'.repeat(100) })));
  const autocheckpoint = () =>
    (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection.pragma(
      'wal_autocheckpoint',
      { simple: true },
    );

  it('leaves checkpoints to the worker, which moves committed rows into the database file', async () => {
    checkpointer.onApplicationBootstrap();
    expect(autocheckpoint()).toBe(10_000); // a backstop only
    await insert(0, 50);
    expect(rowsInMainFile(file, directory)).toBe(0); // only in the WAL so far
    await sleep(600);
    expect(rowsInMainFile(file, directory)).toBe(50);
    await insert(50, 25);
    await sleep(600);
    expect(rowsInMainFile(file, directory)).toBe(75);
  });

  it('gives checkpointing back to the API connection when the worker stops on its own', async () => {
    checkpointer.onApplicationBootstrap();
    const worker = (checkpointer as unknown as { worker: { terminate(): Promise<number> } }).worker;
    await worker.terminate();
    await sleep(50);
    expect(autocheckpoint()).toBe(1000);
  });

  it('does nothing for an in-memory database', async () => {
    const memory = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await memory.initialize();
    const idle = new SqliteCheckpointer(memory);
    idle.onApplicationBootstrap();
    expect((idle as unknown as { worker?: unknown }).worker).toBeUndefined();
    await idle.onApplicationShutdown();
    await memory.destroy();
  });
});
