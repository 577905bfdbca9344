import type { MixedList } from 'typeorm';

type Constructor = abstract new (...args: never[]) => unknown;

/** What a bounded context brings to the shared database: its ORM entities and its migrations per dialect. */
export interface PersistenceContribution {
  entities: Constructor[];
  migrations: { sqlite: MixedList<Constructor>; postgres: MixedList<Constructor> };
}
