import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '../../application/unit-of-work';

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
  private readonly current = new AsyncLocalStorage<EntityManager>();
  private readonly sqliteLock: Mutex | null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
    this.sqliteLock = dataSource.options.type === 'better-sqlite3' ? new Mutex() : null;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const transaction = () => this.dataSource.transaction((manager) => this.current.run(manager, work));
    return this.sqliteLock ? this.sqliteLock.runExclusive(transaction) : transaction();
  }

  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  get dialect(): 'postgres' | 'sqlite' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }
}
