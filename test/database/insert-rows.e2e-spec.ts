import 'reflect-metadata';
import {
  Column,
  DataSource,
  Entity,
  EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { authenticationPersistence } from '@fluentpro/authentication';
import {
  AppConfig,
  buildDataSourceOptions,
  createIntegrationEvent,
  eventsPersistence,
  insertRows,
  isUniqueViolation,
  jsonTransformer,
  OutboxStore,
  type PersistenceContribution,
  TypeOrmUnitOfWork,
} from '@fluentpro/shared';
import { rawRows } from '../support/raw-rows';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** What insertRows ran before it wrote its own SQL: the rows it writes must be these, value for value. */
async function builderInsert(manager: EntityManager, target: EntityTarget<ObjectLiteral>, rows: object[]) {
  await manager.createQueryBuilder().insert().into(target).values(rows).updateEntity(false).execute();
}

async function openDataSource(
  database: TestDatabase,
  contributions: PersistenceContribution[],
  synchronize: boolean,
): Promise<DataSource> {
  const config = AppConfig.fromEnvironment({ ...database.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const options = buildDataSourceOptions(config, contributions);
  // TypeORM's own console logger, silent: the app's logger would print the unique violations tested here.
  const dataSource = new DataSource({ ...options, synchronize, logger: 'advanced-console', logging: false });
  await dataSource.initialize();
  if (!synchronize) await dataSource.runMigrations();
  return dataSource;
}

/** Two tables of the same shape: one written by the query builder, one by insertRows. */
function thingEntity(table: string) {
  @Entity({ name: table })
  class Thing {
    @PrimaryGeneratedColumn() position: number;
    @Column({ type: 'varchar', length: 36 }) key: string;
    @Column({ name: 'created_at' }) createdAt: Date;
    @Column({ name: 'done_at', nullable: true, type: Date }) doneAt: Date | null;
    @Column({ name: 'born_on', type: 'date' }) bornOn: string;
    @Column({ type: 'text', transformer: jsonTransformer }) payload: object;
    @Column({ type: 'simple-json', nullable: true }) extra: object | null;
    @Column({ type: 'boolean' }) flag: boolean;
    @Column({ type: 'real' }) ratio: number;
    @Column({ type: 'integer', default: 7 }) count: number;
    @Column({ type: 'varchar', length: 20, nullable: true }) label: string | null;
  }
  return Thing;
}
const BuilderThing = thingEntity('insert_rows_by_builder');
const PreparedThing = thingEntity('insert_rows_prepared');
type ThingRow = Partial<InstanceType<typeof BuilderThing>>;

const thing = (n: number, changes: ThingRow = {}): ThingRow => ({
  key: `thing-${n}`,
  createdAt: new Date(Date.UTC(2026, 2, 4, 5, 6, 7, n)),
  doneAt: n % 2 ? null : new Date('2026-05-06T07:08:09.010Z'),
  bornOn: '1990-01-15',
  payload: { n, text: `O'Brien "quoted" \\ ${n}`, list: [1, 2.5, null], nested: { ok: n % 2 === 0 } },
  extra: n % 2 ? null : { tags: ['a', 'b'] },
  flag: n % 2 === 0,
  ratio: n / 4,
  count: n * 10,
  label: n % 2 ? null : (n as unknown as string), // a number in a text column, bound as the builder writes it
  ...changes,
});

describe('insertRows (INSERT SQL written once, beside the query builder)', () => {
  describe('against the query builder, column types of both dialects', () => {
    let database: TestDatabase;
    let dataSource: DataSource;

    beforeAll(async () => {
      database = await createTestDatabase();
      const entities = { entities: [BuilderThing, PreparedThing], migrations: { sqlite: [], postgres: [] } };
      dataSource = await openDataSource(database, [entities], true); // throwaway tables for this suite
    });

    afterAll(async () => {
      await dataSource?.destroy();
      await database?.drop();
    });

    afterEach(() => jest.restoreAllMocks());

    it('writes exactly the rows the query builder writes', async () => {
      const batches: ThingRow[][] = [
        [thing(1), thing(2), thing(3)], // several rows, nulls, a transformer, simple-json, dates
        [thing(4, { count: undefined, label: undefined })], // undefined: the column's default
        [thing(5)],
        [thing(6), thing(7)], // same shapes again: statements from the cache
        [thing(8), thing(9)],
      ];
      const builder = jest.spyOn(dataSource.manager, 'createQueryBuilder');
      for (const rows of batches) {
        await builderInsert(dataSource.manager, BuilderThing, rows);
        builder.mockClear();
        await insertRows(dataSource.manager, PreparedThing, rows);
        expect(builder).not.toHaveBeenCalled();
      }

      const written = await rawRows(dataSource, 'insert_rows_by_builder', 'position');
      expect(written).toHaveLength(9);
      expect(await rawRows(dataSource, 'insert_rows_prepared', 'position')).toEqual(written);
      const [byBuilder, prepared] = await Promise.all(
        [BuilderThing, PreparedThing].map((target) =>
          dataSource.getRepository(target).find({ order: { position: 'ASC' } }),
        ),
      );
      expect(prepared.map((row) => ({ ...row }))).toEqual(byBuilder.map((row) => ({ ...row })));
    });

    it('reads back the values it was given', async () => {
      const rows = await dataSource.getRepository(PreparedThing).find({ order: { position: 'ASC' } });
      expect(rows.map((row) => row.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const [first, second, , fourth] = rows;
      expect(first).toMatchObject({ ...thing(1), label: null });
      expect(second).toMatchObject({ ...thing(2), label: '2' });
      expect(second.createdAt).toEqual(new Date('2026-03-04T05:06:07.002Z'));
      expect(second.doneAt).toEqual(new Date('2026-05-06T07:08:09.010Z'));
      expect(second.payload).toEqual(thing(2).payload);
      expect(fourth.count).toBe(7);
      expect(fourth.label).toBeNull();
    });

    it('leaves rows that define different columns, and SQL expressions, to the query builder', async () => {
      const rows = [thing(10), thing(11, { label: undefined })];
      const builder = jest.spyOn(dataSource.manager, 'createQueryBuilder');
      await builderInsert(dataSource.manager, BuilderThing, rows);
      builder.mockClear();
      await insertRows(dataSource.manager, PreparedThing, rows);
      expect(builder).toHaveBeenCalledTimes(1);
      await insertRows(dataSource.manager, PreparedThing, [{ ...thing(12), label: () => "'sql'" }]);
      expect(builder).toHaveBeenCalledTimes(2);
      const last = await dataSource.getRepository(PreparedThing).findOneByOrFail({ key: 'thing-12' });
      expect(last.label).toBe('sql');
      await dataSource.getRepository(PreparedThing).delete({ key: 'thing-12' });
      expect(await rawRows(dataSource, 'insert_rows_prepared', 'position')).toEqual(
        await rawRows(dataSource, 'insert_rows_by_builder', 'position'),
      );
    });

    it('does nothing for no rows', async () => {
      const query = jest.spyOn(dataSource.manager, 'query');
      await insertRows(dataSource.manager, PreparedThing, []);
      expect(query).not.toHaveBeenCalled();
    });
  });

  describe('the application tables, on their migrations', () => {
    let database: TestDatabase;
    let dataSource: DataSource;
    let unitOfWork: TypeOrmUnitOfWork;

    const user = (n: number, email = `user${n}@example.com`) => ({
      id: `00000000-0000-4000-8000-00000000000${n}`,
      email,
      fullName: `User ${n}`,
      dateOfBirth: '1990-01-15',
      passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$${n}`,
      externalId: null,
      role: 'user',
      deactivatedAt: null,
      createdAt: new Date('2026-03-04T05:06:07.089Z'),
      updatedAt: new Date('2026-03-04T05:06:07.089Z'),
    });
    const session = (n: number, userId: string) => ({
      id: `10000000-0000-4000-8000-00000000000${n}`,
      userId,
      refreshTokenHash: 'a'.repeat(64),
      rotatedAt: null,
      createdAt: new Date('2026-03-04T05:06:07.089Z'),
      lastUsedAt: new Date('2026-03-04T05:06:08.000Z'),
      expiresAt: new Date('2026-04-04T05:06:07.089Z'),
      revokedAt: n % 2 ? null : new Date('2026-03-05T00:00:00.000Z'),
      revokedReason: n % 2 ? null : 'logout',
      userAgent: 'jest',
      ipAddress: '127.0.0.1',
    });
    const outboxRow = (n: number) => ({
      eventId: `20000000-0000-4000-8000-00000000000${n}`,
      eventType: 'authentication.user-logged-in.v1',
      payload: { userId: `user-${n}`, at: '2026-03-04T05:06:07.089Z', note: `"${n}" \\ é` },
      correlationId: n % 2 ? null : `req-${n}`,
      occurredAt: new Date('2026-03-04T05:06:07.089Z'),
      createdAt: new Date('2026-03-04T05:06:07.090Z'),
      attempts: 0,
      availableAt: new Date('2026-03-04T05:06:07.090Z'),
      lockedBy: null,
      lockedUntil: null,
      publishedAt: null,
      lastError: null,
    });

    beforeAll(async () => {
      database = await createTestDatabase();
      dataSource = await openDataSource(database, [authenticationPersistence, eventsPersistence], false);
      unitOfWork = new TypeOrmUnitOfWork(dataSource);
    });

    afterAll(async () => {
      await dataSource?.destroy();
      await database?.drop();
    });

    /** Runs `write` in a transaction, returns what it wrote and rolls it back. */
    async function writtenBy(write: (manager: EntityManager) => Promise<void>) {
      let written: Record<string, Record<string, unknown>[]> = {};
      await expect(
        unitOfWork.run(async () => {
          await write(unitOfWork.manager);
          written = {
            users: await rawRows(unitOfWork.manager, 'users', 'id'),
            sessions: await rawRows(unitOfWork.manager, 'sessions', 'id'),
            // The sequence is not rolled back on PostgreSQL: positions are compared by order only.
            outbox_messages: (await rawRows(unitOfWork.manager, 'outbox_messages', 'position')).map(
              ({ position, ...row }: ObjectLiteral) => ({ ...row, position: typeof position }),
            ),
          };
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      return written;
    }

    it('writes what the query builder wrote, in the transaction, and a rollback keeps nothing', async () => {
      const sets = (insert: (manager: EntityManager, target: string, rows: object[]) => Promise<void>) =>
        writtenBy(async (manager) => {
          await insert(manager, 'users', [user(1)]);
          await insert(manager, 'users', [user(2, 'Second@Example.com')]);
          await insert(manager, 'sessions', [session(1, user(1).id)]);
          await insert(manager, 'sessions', [session(2, user(1).id), session(3, user(2).id)]);
          await insert(manager, 'outbox_messages', [outboxRow(1)]);
          await insert(manager, 'outbox_messages', [outboxRow(2), outboxRow(3), outboxRow(4)]);
        });
      const byBuilder = await sets(builderInsert);
      const byInsertRows = await sets((manager, target, rows) => insertRows(manager, target, rows));
      expect(byBuilder.users).toHaveLength(2);
      expect(byBuilder.sessions).toHaveLength(3);
      expect(byBuilder.outbox_messages).toHaveLength(4);
      expect(byInsertRows).toEqual(byBuilder);
      for (const table of ['users', 'sessions', 'outbox_messages']) {
        expect(await dataSource.query(`SELECT * FROM "${table}"`)).toEqual([]);
      }
    });

    it('runs on the unit of work transaction: its reads see the rows, a commit keeps them', async () => {
      await unitOfWork.run(async () => {
        await insertRows(unitOfWork.manager, 'users', user(1));
        await insertRows(unitOfWork.manager, 'sessions', session(1, user(1).id));
        const seen = await unitOfWork.manager.getRepository('sessions').findOneBy({ id: session(1, '').id });
        expect(seen).toMatchObject({ userId: user(1).id, expiresAt: session(1, '').expiresAt });
      });
      const users = await dataSource.getRepository('users').find();
      expect(users).toEqual([{ ...user(1) }]);
    });

    it('appends outbox rows that the relay claims back unchanged', async () => {
      const store = new OutboxStore(unitOfWork);
      const events = [1, 2].map((n) =>
        createIntegrationEvent('authentication.user-logged-in.v1', { userId: `user-${n}`, n }),
      );
      await unitOfWork.run(() => store.append(events, new Date('2026-03-04T05:06:07.000Z')));
      const claimed = await store.claim(
        'relay-1',
        10,
        new Date('2026-03-04T05:06:08.000Z'),
        new Date('2026-03-04T05:07:08.000Z'),
      );
      expect(claimed.map(({ event, attempts }) => ({ event, attempts }))).toEqual(
        events.map((event) => ({ event, attempts: 0 })),
      );
      expect(claimed[0].position).toBeLessThan(claimed[1].position);
    });

    it('reports a duplicate email or id as a unique violation', async () => {
      const duplicates = [
        user(2, 'USER1@example.com'), // the unique index on lower(email)
        { ...user(3), id: user(1).id }, // the primary key
      ];
      for (const duplicate of duplicates) {
        const error: unknown = await unitOfWork
          .run(() => insertRows(unitOfWork.manager, 'users', duplicate))
          .then(
            () => null,
            (caught: unknown) => caught,
          );
        expect(error).not.toBeNull();
        expect(isUniqueViolation(error)).toBe(true);
      }
      expect(await dataSource.getRepository('users').count()).toBe(1);
    });
  });
});
