import type { PersistenceContribution } from '@fluentpro/shared';
import { AuditLogEntryRecord } from './audit-log-entry.orm-entity';
import { CreateAdminAuditLog1732700100000 } from './migrations/1732700100000-create-admin-audit-log';

export const administrationPersistence: PersistenceContribution = {
  entities: [AuditLogEntryRecord],
  migrations: {
    postgres: [CreateAdminAuditLog1732700100000],
    sqlite: [CreateAdminAuditLog1732700100000],
  },
};
