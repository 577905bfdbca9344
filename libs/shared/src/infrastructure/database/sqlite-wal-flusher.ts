import { close, fsync, open } from 'node:fs';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Keeps SQLite's WAL checkpoints short on the event loop. SQLite checkpoints in the connection that
 * commits once the WAL passes 1,000 pages, and the checkpoint first fsyncs the WAL: with
 * `synchronous = NORMAL` nothing else syncs it, so that fsync wrote out everything since the last
 * checkpoint — 12-19 ms on the API's only connection, which is the event loop, every ~1.7 s under
 * login load (strace; docs/performance.md). Here libuv's threadpool fsyncs the WAL every `intervalMs`,
 * off the event loop, so the checkpoint's own fsync finds little left to write. SQLite's syncs, their
 * order and its durability guarantees are unchanged: this only writes back sooner what it would write.
 */
@Injectable()
export class SqliteWalFlusher implements OnApplicationBootstrap, OnApplicationShutdown {
  intervalMs = 200;
  /** fsyncs completed, for the tests and for debugging. */
  flushes = 0;
  private readonly logger = new Logger('SqliteWalFlusher');
  private timer?: NodeJS.Timeout;
  private fd?: number;
  private flushing = false;
  private stopped = false;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    const { type, database } = this.dataSource.options as { type: string; database?: unknown };
    if (type !== 'better-sqlite3' || typeof database !== 'string' || database === ':memory:') return;
    // The WAL exists while the data source's connection is open (SQLite removes it at the last close).
    open(`${database}-wal`, 'r', (error, fd) => {
      if (error) return this.logger.warn(`WAL not flushed in the background: ${error.message}`);
      if (this.stopped) return close(fd, () => undefined);
      this.fd = fd;
      this.timer = setInterval(() => this.flush(fd), this.intervalMs);
      this.timer.unref();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) await new Promise<void>((done) => close(fd, () => done()));
  }

  /** True once the WAL is open and flushed on the interval. */
  get running(): boolean {
    return this.fd !== undefined;
  }

  private flush(fd: number): void {
    if (this.flushing) return;
    this.flushing = true;
    fsync(fd, (error) => {
      this.flushing = false;
      if (this.stopped) return;
      if (error) this.logger.warn(`WAL flush failed: ${error.message}`);
      else this.flushes += 1;
    });
  }
}
