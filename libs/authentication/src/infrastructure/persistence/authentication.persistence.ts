import type { PersistenceContribution } from '@fluentpro/shared';
import { LoginThrottleRecord } from './login-throttle.orm-entity';
import { CreateAuthenticationTables1732500000000 } from './migrations/1732500000000-create-authentication-tables';
import { SessionRecord } from './session.orm-entity';
import { UserAccountRecord } from './user-account.orm-entity';

export const authenticationPersistence: PersistenceContribution = {
  entities: [UserAccountRecord, SessionRecord, LoginThrottleRecord],
  migrations: {
    postgres: [CreateAuthenticationTables1732500000000],
    sqlite: [CreateAuthenticationTables1732500000000],
  },
};
