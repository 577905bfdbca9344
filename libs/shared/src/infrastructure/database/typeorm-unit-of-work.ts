import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionScope } from '../../application/request-context';
import { UnitOfWork } from '../../application/unit-of-work';

type Effect = () => Promise<void> | void;

interface Transaction {
  owner: TypeOrmUnitOfWork;
  /** The transaction of another unit of work (data source) this one was opened in, if any. */
  outer: Transaction | undefined;
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
 * transaction. Writes therefore always go through `run` or `runStatement`, which takes the same lock.
 */
@Injectable()
export class TypeOrmUnitOfWork extends UnitOfWork {
  private readonly sqliteLock: Mutex | null;
  private readonly logger = new Logger('UnitOfWork');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
    this.sqliteLock = dataSource.options.type === 'better-sqlite3' ? new Mutex() : null;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.transaction()) return work();
    const afterCommit: Effect[] = [];
    const transaction = () =>
      this.dataSource.transaction((manager) =>
        TransactionScope.run(
          {
            owner: this,
            outer: TransactionScope.current() as Transaction | undefined,
            manager,
            afterCommit,
          },
          work,
        ),
      );
    const result = await (this.sqliteLock ? this.sqliteLock.runExclusive(transaction) : transaction());
    for (const callback of afterCommit) await this.runEffect(callback);
    return result;
  }

  override runStatement<T>(statement: () => Promise<T>): Promise<T> {
    // On PostgreSQL the statement gets a pooled connection of its own (autocommit); on SQLite it waits
    // until no transaction is open on the shared connection.
    if (this.transaction() || !this.sqliteLock) return statement();
    return this.sqliteLock.runExclusive(statement);
  }

  /**
   * Runs `callback` once the current transaction commits (at once when there is none); `run` waits
   * for it before returning. Used to wake the outbox relay, so in-process handlers see committed
   * data, and to announce revoked sessions to their sockets. A failure is logged, never rethrown.
   */
  override afterCommit(callback: Effect): void {
    const transaction = this.transaction();
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
    return this.transaction()?.manager ?? this.dataSource.manager;
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

  /**
   * The open transaction of this unit of work the caller runs in. The transaction slot is shared with
   * the request context (one AsyncLocalStorage: RequestContext, TransactionScope); another data
   * source's transaction opened inside ours links back to it through `outer`.
   */
  private transaction(): Transaction | undefined {
    let transaction = TransactionScope.current() as Transaction | undefined;
    while (transaction && transaction.owner !== this) transaction = transaction.outer;
    return transaction;
  }

  get dialect(): 'postgres' | 'sqlite' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }
}
