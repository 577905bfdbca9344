import { Worker } from 'node:worker_threads';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** SQLite's own default, put back when the checkpointer cannot run. */
const AUTOCHECKPOINT_PAGES = 1000;
/** The API connection's own checkpoints while the worker runs: a backstop only (~40 MiB of WAL). */
const BACKSTOP_PAGES = 10_000;

/** The worker: its own connection to the file, a PASSIVE checkpoint every `intervalMs`. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs);
`;

interface SqliteConnection {
  pragma(source: string): unknown;
}

/**
 * WAL checkpoints of the SQLite file, on a worker thread instead of the event loop. SQLite checkpoints
 * in whichever connection commits once the WAL passes `wal_autocheckpoint` pages, and a checkpoint
 * fsyncs the WAL and the database file: on the API's single connection that stalled the event loop for
 * 12-22 ms every ~1.7 s under login load (strace; docs/performance.md). Here the API's connection stops
 * checkpointing and a worker's connection does it every `intervalMs`, PASSIVE (it never waits for or
 * blocks the API's readers and writers). Should the worker fail, the API's connection checkpoints
 * itself again. Durability is unchanged: commits are in the WAL, which SQLite replays after a crash.
 */
@Injectable()
export class SqliteCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  intervalMs = 200;
  private readonly logger = new Logger('SqliteCheckpointer');
  private worker?: Worker;
  private stopping = false;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    const { type, database } = this.dataSource.options as { type: string; database?: unknown };
    if (type !== 'better-sqlite3' || typeof database !== 'string' || database === ':memory:') return;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: database, driver: require.resolve('better-sqlite3'), intervalMs: this.intervalMs },
    });
    worker.unref();
    worker.on('error', (error) => this.logger.error(`Checkpoint worker failed: ${error.message}`));
    worker.on('exit', () => {
      if (!this.stopping) this.checkpointInProcess();
    });
    this.worker = worker;
    this.connection().pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.worker?.terminate();
  }

  private checkpointInProcess(): void {
    this.logger.warn('Checkpoint worker stopped: the API connection checkpoints the WAL itself again');
    if (this.dataSource.isInitialized)
      this.connection().pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  }

  private connection(): SqliteConnection {
    return (this.dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  }
}
