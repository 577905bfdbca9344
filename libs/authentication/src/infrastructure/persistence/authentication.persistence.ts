import type { PersistenceContribution } from '@fluentpro/shared';
import { Auth0SessionTokenRecord } from './auth0-session-token.orm-entity';
import { LoginThrottleRecord } from './login-throttle.orm-entity';
import { CreateAuthenticationTables1732500000000 } from './migrations/1732500000000-create-authentication-tables';
import { CreateAuth0SessionTokens1732610000000 } from './migrations/1732610000000-create-auth0-session-tokens';
import { SessionRecord } from './session.orm-entity';
import { UserAccountRecord } from './user-account.orm-entity';

export const authenticationPersistence: PersistenceContribution = {
  entities: [UserAccountRecord, SessionRecord, LoginThrottleRecord, Auth0SessionTokenRecord],
  migrations: {
    postgres: [CreateAuthenticationTables1732500000000, CreateAuth0SessionTokens1732610000000],
    sqlite: [CreateAuthenticationTables1732500000000, CreateAuth0SessionTokens1732610000000],
  },
};
