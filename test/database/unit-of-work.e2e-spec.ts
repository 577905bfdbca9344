import 'reflect-metadata';
import BetterSqlite3 from 'better-sqlite3';
import { DataSource, Entity, PrimaryColumn } from 'typeorm';
import { AppConfig, buildDataSourceOptions, RequestContext, TypeOrmUnitOfWork } from '@fluentpro/shared';
import { createTestDatabase, TestDatabase } from '../support/test-database';

@Entity({ name: 'unit_of_work_things' })
class ThingRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
}

// The unit of work keeps its transaction in the request context's AsyncLocalStorage (one storage for
// both): these check that neither loses the other, and that units of work of two data sources stay apart.
describe('TypeOrmUnitOfWork and RequestContext (one AsyncLocalStorage)', () => {
  let database: TestDatabase;
  let first: DataSource;
  let second: DataSource;
  let unitOfWork: TypeOrmUnitOfWork;
  let other: TypeOrmUnitOfWork;

  const count = () => first.getRepository(ThingRecord).count();

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = AppConfig.fromEnvironment({ ...database.env, NODE_ENV: 'test' });
    const options = buildDataSourceOptions(config, [
      { entities: [ThingRecord], migrations: { sqlite: [], postgres: [] } },
    ]);
    first = await new DataSource({ ...options, synchronize: true }).initialize();
    // On SQLite a file of its own: a transaction holds its file's write lock from the start (below).
    second = await new DataSource(
      options.type === 'better-sqlite3'
        ? { ...options, database: `${options.database}-second`, synchronize: true }
        : { ...options, synchronize: false },
    ).initialize();
    unitOfWork = new TypeOrmUnitOfWork(first);
    other = new TypeOrmUnitOfWork(second);
  });

  afterAll(async () => {
    await second?.destroy();
    await first?.destroy();
    await database?.drop();
  });

  it('runs in a transaction that keeps the correlation id, and the correlation id can change inside it', async () => {
    await RequestContext.run('request-1', () =>
      unitOfWork.run(async () => {
        expect(RequestContext.correlationId()).toBe('request-1');
        const manager = unitOfWork.manager;
        expect(manager.queryRunner?.isTransactionActive).toBe(true);
        RequestContext.run('event-7', () => {
          expect(RequestContext.correlationId()).toBe('event-7');
          expect(unitOfWork.manager).toBe(manager);
        });
        await Promise.resolve();
        expect(unitOfWork.manager).toBe(manager);
        expect(RequestContext.correlationId()).toBe('request-1');
      }),
    );
    expect(unitOfWork.manager).toBe(first.manager);
    expect(RequestContext.correlationId()).toBeNull();
  });

  it('keeps the transactions of two data sources apart, one opened inside the other', async () => {
    await unitOfWork.run(async () => {
      const outer = unitOfWork.manager;
      expect(other.manager).toBe(second.manager);
      await other.run(async () => {
        expect(other.manager.queryRunner?.isTransactionActive).toBe(true);
        expect(other.manager).not.toBe(second.manager);
        await other.manager.query('SELECT 1');
        expect(unitOfWork.manager).toBe(outer);
      });
      expect(other.manager).toBe(second.manager);
      expect(unitOfWork.manager).toBe(outer);
    });
  });

  it('joins the open transaction when run again inside it, and rolls the whole of it back on a throw', async () => {
    const before = await count();
    const committed = jest.fn();
    await expect(
      unitOfWork.run(async () => {
        await unitOfWork.manager.getRepository(ThingRecord).insert({ id: 'a' });
        await unitOfWork.run(async () => {
          await unitOfWork.manager.getRepository(ThingRecord).insert({ id: 'b' });
          unitOfWork.afterCommit(committed);
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await count()).toBe(before);
    expect(committed).not.toHaveBeenCalled();
  });

  it('commits, then runs the after-commit effects in order, outside the transaction, in the request', async () => {
    const order: string[] = [];
    let seen: { outsideTransaction: boolean; correlationId: string | null } | undefined;
    await RequestContext.run('request-2', () =>
      unitOfWork.run(async () => {
        await unitOfWork.manager.getRepository(ThingRecord).insert({ id: 'c' });
        // An effect's failure is logged, not rethrown: what it sees is checked after the run.
        unitOfWork.afterCommit(() => {
          order.push('first');
          seen = {
            outsideTransaction: unitOfWork.manager === first.manager,
            correlationId: RequestContext.correlationId(),
          };
        });
        unitOfWork.afterCommit(async () => {
          order.push(`second saw ${await count()}`);
        });
      }),
    );
    expect(order).toEqual(['first', 'second saw 1']);
    expect(seen).toEqual({ outsideTransaction: true, correlationId: 'request-2' });
  });

  describe('runStatement (one statement, atomic by itself)', () => {
    const insertAlone = (id: string) =>
      unitOfWork.runStatement(() =>
        unitOfWork.query('INSERT INTO "unit_of_work_things" ("id") VALUES (:id)', { id }),
      );

    it('opens no transaction of its own: the statement commits at once', async () => {
      const begins = jest.spyOn(first, 'transaction');
      try {
        await expect(insertAlone('alone-1')).resolves.toEqual({ rows: [], affected: 1 });
        expect(begins).not.toHaveBeenCalled();
        expect(await first.getRepository(ThingRecord).findOneBy({ id: 'alone-1' })).not.toBeNull();
      } finally {
        begins.mockRestore();
      }
    });

    it('joins the open transaction inside run, and is rolled back with it', async () => {
      await expect(
        unitOfWork.run(async () => {
          await insertAlone('alone-2');
          expect(
            await unitOfWork.manager.getRepository(ThingRecord).findOneBy({ id: 'alone-2' }),
          ).not.toBeNull();
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await first.getRepository(ThingRecord).findOneBy({ id: 'alone-2' })).toBeNull();
    });

    it("never lands inside another caller's open transaction (SQLite's one connection waits for it)", async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let opened!: () => void;
      const isOpen = new Promise<void>((resolve) => (opened = resolve));
      const rolledBack = unitOfWork
        .run(async () => {
          await unitOfWork.manager.getRepository(ThingRecord).insert({ id: 'theirs' });
          opened();
          await held;
          throw new Error('roll back');
        })
        .catch((error: Error) => error.message);
      await isOpen;
      // Outside that transaction's context: a request of its own.
      const alone = RequestContext.run('request-3', () => insertAlone('alone-3'));
      release();
      await expect(rolledBack).resolves.toBe('roll back');
      await alone;
      const ids = (await first.getRepository(ThingRecord).find()).map((thing) => thing.id);
      expect(ids).toContain('alone-3');
      expect(ids).not.toContain('theirs');
    });
  });

  // SQLite in WAL mode: without BEGIN IMMEDIATE the other connection's write would succeed here, and
  // the transaction's own write would then fail at once with SQLITE_BUSY_SNAPSHOT.
  const onSqlite = process.env.DATABASE_URL ? it.skip : it;
  onSqlite(
    "holds SQLite's write lock from the start of a transaction, so its read-then-write cannot fail on another connection's commit",
    async () => {
      // Another process's connection to the same file (the admin CLI beside the API), which fails at
      // once instead of waiting 5 s for the lock.
      const otherProcess = new BetterSqlite3(database.env.SQLITE_PATH);
      otherProcess.pragma('busy_timeout = 0');
      const insert = otherProcess.prepare('INSERT INTO unit_of_work_things (id) VALUES (?)');
      try {
        await unitOfWork.run(async () => {
          const before = await unitOfWork.manager.getRepository(ThingRecord).count();
          expect(() => insert.run('other')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
          await unitOfWork.manager.getRepository(ThingRecord).insert({ id: `after-${before}` });
        });
        expect(await first.getRepository(ThingRecord).findOneBy({ id: 'other' })).toBeNull();
        insert.run('other'); // the lock is free again
        expect(await first.getRepository(ThingRecord).findOneBy({ id: 'other' })).not.toBeNull();
      } finally {
        otherProcess.close();
      }
    },
  );
});
