import type { PersistenceContribution } from '@fluentpro/shared';
import { AuditLogEntryRecord } from './audit-log-entry.orm-entity';
import {
  CreateAdminAuditLogPostgres1732700100000,
  CreateAdminAuditLogSqlite1732700100000,
} from './migrations/1732700100000-create-admin-audit-log';

export const administrationPersistence: PersistenceContribution = {
  entities: [AuditLogEntryRecord],
  migrations: {
    postgres: [CreateAdminAuditLogPostgres1732700100000],
    sqlite: [CreateAdminAuditLogSqlite1732700100000],
  },
};
