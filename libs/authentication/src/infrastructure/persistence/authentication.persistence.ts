import type { PersistenceContribution } from '@fluentpro/shared';
import { LoginThrottleRecord } from './login-throttle.orm-entity';
import {
  CreateAuthenticationTablesPostgres1732500000000,
  CreateAuthenticationTablesSqlite1732500000000,
} from './migrations/1732500000000-create-authentication-tables';
import {
  AddAccountRoleAndStatusPostgres1732700000000,
  AddAccountRoleAndStatusSqlite1732700000000,
} from './migrations/1732700000000-add-account-role-and-status';
import { SessionRecord } from './session.orm-entity';
import { UserAccountRecord } from './user-account.orm-entity';

export const authenticationPersistence: PersistenceContribution = {
  entities: [UserAccountRecord, SessionRecord, LoginThrottleRecord],
  migrations: {
    postgres: [CreateAuthenticationTablesPostgres1732500000000, AddAccountRoleAndStatusPostgres1732700000000],
    sqlite: [CreateAuthenticationTablesSqlite1732500000000, AddAccountRoleAndStatusSqlite1732700000000],
  },
};
