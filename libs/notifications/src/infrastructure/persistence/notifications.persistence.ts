import type { PersistenceContribution } from '@fluentpro/shared';
import { DevMailboxMessageRecord } from './dev-mailbox-message.orm-entity';
import { CreateDevMailbox1732700000000 } from './migrations/1732700000000-create-dev-mailbox';

export const notificationsPersistence: PersistenceContribution = {
  entities: [DevMailboxMessageRecord],
  migrations: {
    postgres: [CreateDevMailbox1732700000000],
    sqlite: [CreateDevMailbox1732700000000],
  },
};
