import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AppConfig } from '@fluentpro/shared';
import { AuthenticationMaintenanceModule } from './authentication-maintenance.module';
import { AccountAdministration } from './application/account-administration';
import { ChangePasswordHandler } from './application/change-password/change-password.handler';
import { ChangeRoleHandler } from './application/change-role/change-role.handler';
import { CreateAdminHandler } from './application/create-admin/create-admin.handler';
import { DeactivateAccountHandler } from './application/deactivate-account/deactivate-account.handler';
import { GetAccountHandler } from './application/get-account/get-account.handler';
import { AccountViews } from './application/ports/account-views';
import { GetProfileHandler } from './application/get-profile/get-profile.handler';
import { ListSessionsHandler } from './application/list-sessions/list-sessions.handler';
import { LogInHandler } from './application/log-in/log-in.handler';
import { LogOutHandler } from './application/log-out/log-out.handler';
import { IdentityProvider } from './application/ports/identity-provider';
import { LoginThrottle } from './application/ports/login-throttle';
import { PasswordHasher } from './application/ports/password-hasher';
import { UserAccountRepository } from './application/ports/user-account.repository';
import { ReactivateAccountHandler } from './application/reactivate-account/reactivate-account.handler';
import { RefreshSessionHandler } from './application/refresh-session/refresh-session.handler';
import { RequireAdminHandler } from './application/require-admin/require-admin.handler';
import { RevokeAllSessionsHandler } from './application/revoke-all-sessions/revoke-all-sessions.handler';
import { RevokeSessionHandler } from './application/revoke-session/revoke-session.handler';
import { SearchAccountsHandler } from './application/search-accounts/search-accounts.handler';
import { SessionRevocation } from './application/session-revocation';
import { SignUpHandler } from './application/sign-up/sign-up.handler';
import { UpdateProfileHandler } from './application/update-profile/update-profile.handler';
import { SelfHostedAccessTokenVerifier } from './infrastructure/identity/self-hosted-access-token.verifier';
import { SelfHostedIdentityProvider } from './infrastructure/identity/self-hosted-identity.provider';
import { TypeOrmLoginThrottle } from './infrastructure/persistence/typeorm-login-throttle';
import { TypeOrmAccountViews } from './infrastructure/persistence/typeorm-account-views';
import { TypeOrmUserAccountRepository } from './infrastructure/persistence/typeorm-user-account.repository';
import { FixedWindowThrottlerStorage } from './infrastructure/security/fixed-window-throttler-storage';
import { AccessTokenService } from './infrastructure/security/access-token.service';
import { Argon2PasswordHasher } from './infrastructure/security/argon2-password-hasher';
import { RefreshTokenCodec } from './infrastructure/security/refresh-token-codec';
import { SigningKeys } from './infrastructure/security/signing-keys';
import { AccessTokenGuard } from './interface/http/access-token.guard';
import { AdminGuard } from './interface/http/admin.guard';
import { AccessTokenStrategy } from './interface/http/access-token.strategy';
import { AccessTokenVerifier } from './interface/http/access-token.verifier';
import { AuthController } from './interface/http/auth.controller';
import { JwksController } from './interface/http/jwks.controller';
import { SessionsController } from './interface/http/sessions.controller';
import { SocketAuthenticator } from './interface/realtime/socket-authenticator';

/**
 * Loaded only when Redis is configured: the Redis storage brings ioredis, about 9 MiB of idle memory
 * and 30 ms of start-up that the embedded mode never uses (docs/performance.md).
 */
function redisThrottlerStorage(url: string): ThrottlerStorageRedisService {
  type Storage = typeof import('@nest-lab/throttler-storage-redis');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
  const storage = require('@nest-lab/throttler-storage-redis') as Storage;
  return new storage.ThrottlerStorageRedisService(url);
}

/** Credentials and tokens kept by FluentPro itself (the default). */
const selfHostedIdentity: { providers: Provider[]; controllers: Type[] } = {
  providers: [
    {
      provide: SigningKeys,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => SigningKeys.load(config),
    },
    {
      provide: RefreshTokenCodec,
      inject: [SigningKeys],
      useFactory: (keys: SigningKeys) => new RefreshTokenCodec(keys.refreshSecret),
    },
    AccessTokenService,
    { provide: IdentityProvider, useClass: SelfHostedIdentityProvider },
    { provide: AccessTokenVerifier, useClass: SelfHostedAccessTokenVerifier },
  ],
  controllers: [JwksController],
};

/** The Auth0 mode's providers, required only in that mode (the SDK is most of start-up otherwise). */
function auth0Identity(): { providers: Provider[]; controllers: Type[] } {
  type Auth0 = typeof import('./infrastructure/auth0/auth0-identity');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
  return (require('./infrastructure/auth0/auth0-identity') as Auth0).auth0Identity;
}

/** One module per configuration, so every importer (API, administration, gateway, CLI) shares it. */
const modules = new WeakMap<AppConfig, DynamicModule>();

/**
 * Accounts, credentials, sessions and tokens, with the identity provider IDENTITY_PROVIDER selects.
 * Per-address limits share Redis across processes when configured. Exports the access-token and admin
 * guards, the WebSocket authenticator and the AccountAdministration facade.
 */
@Module({})
export class AuthenticationModule {
  static forRoot(config: AppConfig): DynamicModule {
    const existing = modules.get(config);
    if (existing) return existing;
    const identity = config.env.IDENTITY_PROVIDER === 'auth0' ? auth0Identity() : selfHostedIdentity;
    const module: DynamicModule = {
      module: AuthenticationModule,
      imports: [
        AuthenticationMaintenanceModule,
        ThrottlerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (appConfig: AppConfig) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: appConfig.env.AUTH_RATE_LIMIT_PER_MINUTE }],
            errorMessage: 'Too many requests from this address, please try again later',
            storage: appConfig.env.REDIS_URL
              ? redisThrottlerStorage(appConfig.env.REDIS_URL)
              : new FixedWindowThrottlerStorage(),
          }),
        }),
      ],
      controllers: [AuthController, SessionsController, ...identity.controllers],
      providers: [
        SignUpHandler,
        LogInHandler,
        RefreshSessionHandler,
        LogOutHandler,
        GetProfileHandler,
        UpdateProfileHandler,
        SessionRevocation,
        ListSessionsHandler,
        RevokeSessionHandler,
        RevokeAllSessionsHandler,
        ChangePasswordHandler,
        SearchAccountsHandler,
        GetAccountHandler,
        DeactivateAccountHandler,
        ReactivateAccountHandler,
        CreateAdminHandler,
        ChangeRoleHandler,
        RequireAdminHandler,
        AccountAdministration,
        { provide: UserAccountRepository, useClass: TypeOrmUserAccountRepository },
        { provide: AccountViews, useClass: TypeOrmAccountViews },
        { provide: LoginThrottle, useClass: TypeOrmLoginThrottle },
        // Both modes: the password change and create-admin verify and hash locally (self-hosted accounts).
        { provide: PasswordHasher, useClass: Argon2PasswordHasher },
        ...identity.providers,
        AccessTokenStrategy,
        AccessTokenGuard,
        AdminGuard,
        SocketAuthenticator,
      ],
      exports: [
        AccessTokenGuard,
        AccessTokenStrategy,
        AdminGuard,
        RequireAdminHandler,
        AccountAdministration,
        SocketAuthenticator,
      ],
    };
    modules.set(config, module);
    return module;
  }
}
