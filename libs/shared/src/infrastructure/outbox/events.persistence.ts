import type { PersistenceContribution } from '../database/persistence-contribution';
import { DeadLetterRecord } from './dead-letter.orm-entity';
import {
  CreateEventTablesPostgres1732600000000,
  CreateEventTablesSqlite1732600000000,
} from './migrations/1732600000000-create-event-tables';
import { OutboxMessageRecord } from './outbox-message.orm-entity';
import { ProcessedEventRecord } from './processed-event.orm-entity';

/** The outbox, the inbox (processed events) and the dead letters: listed with every context's tables. */
export const eventsPersistence: PersistenceContribution = {
  entities: [OutboxMessageRecord, ProcessedEventRecord, DeadLetterRecord],
  migrations: {
    postgres: [CreateEventTablesPostgres1732600000000],
    sqlite: [CreateEventTablesSqlite1732600000000],
  },
};
