import type { PersistenceContribution } from '../database/persistence-contribution';
import { DeadLetterRecord } from './dead-letter.orm-entity';
import { CreateEventTables1732600000000 } from './migrations/1732600000000-create-event-tables';
import { OutboxMessageRecord } from './outbox-message.orm-entity';
import { ProcessedEventRecord } from './processed-event.orm-entity';

/** The outbox, the inbox (processed events) and the dead letters: listed with every context's tables. */
export const eventsPersistence: PersistenceContribution = {
  entities: [OutboxMessageRecord, ProcessedEventRecord, DeadLetterRecord],
  migrations: {
    postgres: [CreateEventTables1732600000000],
    sqlite: [CreateEventTables1732600000000],
  },
};
