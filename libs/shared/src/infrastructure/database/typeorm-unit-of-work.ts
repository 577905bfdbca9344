import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '../../application/unit-of-work';

type Effect = () => Promise<void> | void;

interface Transaction {
  manager: EntityManager;
  /** Run once the transaction has committed (never on rollback), in order. */
  afterCommit: Effect[];
}

/**
 * The transaction wrapper, written once. Repositories ask `manager` for the entity manager to use,
 * which is the open transaction's when called inside `run`.
 *
 * SQLite (better-sqlite3) has one connection that TypeORM shares between callers, so there
 * transactions are serialised; otherwise two requests' statements would interleave inside one
 * transaction. Writes therefore always go through `run`.
 */
@Injectable()
export class TypeOrmUnitOfWork extends UnitOfWork {
  private readonly current = new AsyncLocalStorage<Transaction>();
  private readonly sqliteLock: Mutex | null;
  private readonly logger = new Logger('UnitOfWork');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
    this.sqliteLock = dataSource.options.type === 'better-sqlite3' ? new Mutex() : null;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const afterCommit: Effect[] = [];
    const transaction = () =>
      this.dataSource.transaction((manager) => this.current.run({ manager, afterCommit }, work));
    const result = await (this.sqliteLock ? this.sqliteLock.runExclusive(transaction) : transaction());
    for (const callback of afterCommit) await this.runEffect(callback);
    return result;
  }

  /**
   * Runs `callback` once the current transaction commits (at once when there is none); `run` waits
   * for it before returning. Used to wake the outbox relay, so in-process handlers see committed
   * data, and to announce revoked sessions to their sockets. A failure is logged, never rethrown.
   */
  override afterCommit(callback: Effect): void {
    const transaction = this.current.getStore();
    if (transaction) transaction.afterCommit.push(callback);
    else void this.runEffect(callback);
  }

  private async runEffect(callback: Effect): Promise<void> {
    try {
      await callback();
    } catch (error) {
      this.logger.error({ err: error }, 'An after-commit callback failed');
    }
  }

  get manager(): EntityManager {
    return this.current.getStore()?.manager ?? this.dataSource.manager;
  }

  /**
   * Runs hand-written SQL with named parameters (`:name`, `:...list`) on the current transaction (or
   * a pooled connection): Dates are bound in each dialect's format, rows and affected counts are
   * returned the same way for PostgreSQL and SQLite.
   */
  async query(
    sql: string,
    parameters: Record<string, unknown> = {},
  ): Promise<{ rows: Record<string, unknown>[]; affected: number }> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    const existing = this.manager.queryRunner;
    const runner = existing ?? this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(text, values, true);
      return { rows: (result.records ?? []) as Record<string, unknown>[], affected: result.affected ?? 0 };
    } finally {
      if (!existing) await runner.release();
    }
  }

  get dialect(): 'postgres' | 'sqlite' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }
}
