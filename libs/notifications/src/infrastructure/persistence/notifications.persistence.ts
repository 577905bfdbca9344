import type { PersistenceContribution } from '@fluentpro/shared';
import { DevMailboxMessageRecord } from './dev-mailbox-message.orm-entity';
import {
  CreateDevMailboxPostgres1732700000000,
  CreateDevMailboxSqlite1732700000000,
} from './migrations/1732700000000-create-dev-mailbox';

export const notificationsPersistence: PersistenceContribution = {
  entities: [DevMailboxMessageRecord],
  migrations: {
    postgres: [CreateDevMailboxPostgres1732700000000],
    sqlite: [CreateDevMailboxSqlite1732700000000],
  },
};
