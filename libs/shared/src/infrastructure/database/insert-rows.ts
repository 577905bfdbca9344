import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * INSERT of ready-made rows, nothing read back. `Repository.insert` asks TypeORM to update the given
 * objects with generated columns, which on SQLite costs a SELECT after every INSERT; callers that build
 * their rows themselves (ids, timestamps) never use what it reads (docs/performance.md: login path).
 */
export async function insertRows<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  rows: QueryDeepPartialEntity<Entity> | QueryDeepPartialEntity<Entity>[],
): Promise<void> {
  await manager.createQueryBuilder().insert().into(target).values(rows).updateEntity(false).execute();
}
