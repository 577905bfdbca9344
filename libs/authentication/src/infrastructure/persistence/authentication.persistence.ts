import type { PersistenceContribution } from '@fluentpro/shared';
import { LoginThrottleRecord } from './login-throttle.orm-entity';
import {
  CreateAuthenticationTablesPostgres1732500000000,
  CreateAuthenticationTablesSqlite1732500000000,
} from './migrations/1732500000000-create-authentication-tables';
import { SessionRecord } from './session.orm-entity';
import { UserAccountRecord } from './user-account.orm-entity';

export const authenticationPersistence: PersistenceContribution = {
  entities: [UserAccountRecord, SessionRecord, LoginThrottleRecord],
  migrations: {
    postgres: [CreateAuthenticationTablesPostgres1732500000000],
    sqlite: [CreateAuthenticationTablesSqlite1732500000000],
  },
};
