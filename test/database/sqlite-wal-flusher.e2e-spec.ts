import 'reflect-metadata';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { AppConfig, buildDataSourceOptions, SqliteWalFlusher } from '@fluentpro/shared';

@Entity({ name: 'wal_things' })
class ThingRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 200 }) note: string;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('SqliteWalFlusher (the WAL written back on the threadpool)', () => {
  let directory: string;
  let dataSource: DataSource;
  let flusher: SqliteWalFlusher;
  const walFd = () => (flusher as unknown as { fd?: number }).fd;

  beforeEach(async () => {
    directory = fs.mkdtempSync(join(tmpdir(), 'fluentpro-wal-'));
    const config = AppConfig.fromEnvironment({
      NODE_ENV: 'test',
      DATABASE_URL: '',
      SQLITE_PATH: join(directory, 'db.sqlite'),
    });
    dataSource = new DataSource({
      ...buildDataSourceOptions(config, [
        { entities: [ThingRecord], migrations: { sqlite: [], postgres: [] } },
      ]),
      synchronize: true,
    });
    await dataSource.initialize();
    flusher = new SqliteWalFlusher(dataSource);
    flusher.intervalMs = 50;
  });

  afterEach(async () => {
    await flusher.onApplicationShutdown();
    if (dataSource.isInitialized) await dataSource.destroy();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('fsyncs the WAL file on every interval while the application runs, and stops at shutdown', async () => {
    flusher.onApplicationBootstrap();
    await sleep(30);
    expect(flusher.running).toBe(true);
    const fd = walFd()!;
    expect(fs.realpathSync(`/proc/self/fd/${fd}`)).toBe(fs.realpathSync(join(directory, 'db.sqlite-wal')));
    await dataSource.getRepository(ThingRecord).insert({ id: 't1', note: 'x' });
    await sleep(230);
    expect(flusher.flushes).toBeGreaterThanOrEqual(2);
    await flusher.onApplicationShutdown();
    const after = flusher.flushes;
    await sleep(150);
    expect(flusher.flushes).toBe(after);
    expect(flusher.running).toBe(false);
  });

  it('does nothing for an in-memory database', async () => {
    const memory = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await memory.initialize();
    const idle = new SqliteWalFlusher(memory);
    idle.onApplicationBootstrap();
    await sleep(30);
    expect(idle.running).toBe(false);
    await idle.onApplicationShutdown();
    await memory.destroy();
  });
});
