import 'reflect-metadata';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { AppConfig, buildDataSourceOptions, KeyLookup } from '@fluentpro/shared';
import { createTestDatabase, TestDatabase } from '../support/test-database';

@Entity({ name: 'key_lookup_things' })
class ThingRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 254 }) email: string;
  @Column({ name: 'born_on', type: 'date' }) bornOn: string;
  @Column({ name: 'created_at' }) createdAt: Date;
  @Column({ name: 'revoked_at', nullable: true, type: Date }) revokedAt: Date | null;
  @Column({ type: 'integer' }) count: number;
}

const thing = (id: string, email: string, revokedAt: Date | null): ThingRecord =>
  Object.assign(new ThingRecord(), {
    id,
    email,
    bornOn: '1990-01-15',
    createdAt: new Date('2026-03-04T05:06:07.089Z'),
    revokedAt,
    count: 3,
  });

describe('KeyLookup (the hot-path read beside TypeORM findOne)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = AppConfig.fromEnvironment({ ...database.env, NODE_ENV: 'test' });
    dataSource = new DataSource({
      ...buildDataSourceOptions(config, [
        { entities: [ThingRecord], migrations: { sqlite: [], postgres: [] } },
      ]),
      synchronize: true, // a throwaway table for this suite only
    });
    await dataSource.initialize();
    await dataSource
      .getRepository(ThingRecord)
      .insert([
        thing('00000000-0000-4000-8000-000000000001', 'ann@example.com', null),
        thing(
          '00000000-0000-4000-8000-000000000002',
          'bob@example.com',
          new Date('2026-05-06T07:08:09.010Z'),
        ),
      ]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('returns what findOneBy returns, values hydrated the same way', async () => {
    const lookup = new KeyLookup(ThingRecord, 'id');
    for (const id of ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']) {
      const expected = await dataSource.getRepository(ThingRecord).findOneBy({ id });
      const actual = await lookup.find(dataSource.manager, id);
      expect(actual).toBeInstanceOf(ThingRecord);
      expect(actual).toEqual(expected);
    }
    const bob = await lookup.find(dataSource.manager, '00000000-0000-4000-8000-000000000002');
    expect(bob?.revokedAt).toEqual(new Date('2026-05-06T07:08:09.010Z'));
    expect(bob?.createdAt).toEqual(new Date('2026-03-04T05:06:07.089Z'));
    expect(bob?.bornOn).toBe('1990-01-15');
    expect(bob?.count).toBe(3);
  });

  it('answers null for an unknown key', async () => {
    const lookup = new KeyLookup(ThingRecord, 'id');
    await expect(lookup.find(dataSource.manager, '00000000-0000-4000-8000-00000000000f')).resolves.toBeNull();
  });

  it('reads only the selected columns', async () => {
    const lookup = new KeyLookup(ThingRecord, 'id', { select: ['revokedAt', 'createdAt'] });
    const row = await lookup.find(dataSource.manager, '00000000-0000-4000-8000-000000000001');
    expect(row?.revokedAt).toBeNull();
    expect(row?.createdAt).toEqual(new Date('2026-03-04T05:06:07.089Z'));
    expect(row?.email).toBeUndefined();
  });

  it('applies a comparison function to both sides', async () => {
    const lookup = new KeyLookup(ThingRecord, 'email', { compare: (sql) => `lower(${sql})` });
    const row = await lookup.find(dataSource.manager, 'BOB@Example.com');
    expect(row?.id).toBe('00000000-0000-4000-8000-000000000002');
  });

  it('reads inside the caller transaction', async () => {
    const lookup = new KeyLookup(ThingRecord, 'id');
    await dataSource.transaction(async (manager) => {
      await manager
        .getRepository(ThingRecord)
        .insert(thing('00000000-0000-4000-8000-000000000003', 'cy@example.com', null));
      await expect(lookup.find(manager, '00000000-0000-4000-8000-000000000003')).resolves.toMatchObject({
        email: 'cy@example.com',
      });
    });
  });

  it('keeps working when the data source is closed and opened again', async () => {
    const lookup = new KeyLookup(ThingRecord, 'id');
    await expect(
      lookup.find(dataSource.manager, '00000000-0000-4000-8000-000000000001'),
    ).resolves.not.toBeNull();
    await dataSource.destroy();
    await dataSource.initialize();
    await expect(
      lookup.find(dataSource.manager, '00000000-0000-4000-8000-000000000001'),
    ).resolves.toMatchObject({
      email: 'ann@example.com',
    });
  });

  it('refuses a property that is not a column', async () => {
    const lookup = new KeyLookup(ThingRecord, 'nope' as never);
    await expect(lookup.find(dataSource.manager, 'x')).rejects.toThrow('has no column nope');
  });
});
