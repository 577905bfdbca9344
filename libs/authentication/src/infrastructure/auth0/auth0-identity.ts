import type { Provider, Type } from '@nestjs/common';
import { AppConfig } from '@fluentpro/shared';
import { IdentityProvider } from '../../application/ports/identity-provider';
import { AccessTokenVerifier } from '../../interface/http/access-token.verifier';
import { TypeOrmAuth0SessionTokens } from '../persistence/typeorm-auth0-session-tokens';
import { Auth0AccessTokenVerifier } from './auth0-access-token.verifier';
import { Auth0Gateway } from './auth0-gateway';
import { Auth0IdentityProvider } from './auth0-identity.provider';
import { Auth0Settings } from './auth0-settings';

/**
 * Credentials and tokens held by an Auth0 tenant (IDENTITY_PROVIDER=auth0); no local signing keys.
 * Required by AuthenticationModule only in that mode: the Auth0 SDK and jwks-rsa are ~600 files and
 * most of the API's start-up time otherwise (docs/performance.md).
 */
export const auth0Identity: { providers: Provider[]; controllers: Type[] } = {
  providers: [
    {
      provide: Auth0Settings,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new Auth0Settings(config),
    },
    Auth0Gateway,
    TypeOrmAuth0SessionTokens,
    { provide: IdentityProvider, useClass: Auth0IdentityProvider },
    { provide: AccessTokenVerifier, useClass: Auth0AccessTokenVerifier },
  ],
  controllers: [],
};
