import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '../../application/unit-of-work';

interface Transaction {
  manager: EntityManager;
  effects: (() => Promise<void> | void)[];
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
  private readonly logger = new Logger('UnitOfWork');
  private readonly current = new AsyncLocalStorage<Transaction>();
  private readonly sqliteLock: Mutex | null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
    this.sqliteLock = dataSource.options.type === 'better-sqlite3' ? new Mutex() : null;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const effects: Transaction['effects'] = [];
    const transaction = () =>
      this.dataSource.transaction((manager) => this.current.run({ manager, effects }, work));
    const result = await (this.sqliteLock ? this.sqliteLock.runExclusive(transaction) : transaction());
    for (const effect of effects) await this.runEffect(effect);
    return result;
  }

  afterCommit(effect: () => Promise<void> | void): void {
    const transaction = this.current.getStore();
    if (transaction) transaction.effects.push(effect);
    else void this.runEffect(effect);
  }

  get manager(): EntityManager {
    return this.current.getStore()?.manager ?? this.dataSource.manager;
  }

  get dialect(): 'postgres' | 'sqlite' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  private async runEffect(effect: () => Promise<void> | void): Promise<void> {
    try {
      await effect();
    } catch (error) {
      this.logger.warn({ err: error }, 'An after-commit effect failed');
    }
  }
}
