import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import type { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AppConfig } from '@fluentpro/shared';
import { AuthenticationMaintenanceModule } from './authentication-maintenance.module';
import { GetProfileHandler } from './application/get-profile/get-profile.handler';
import { LogInHandler } from './application/log-in/log-in.handler';
import { LogOutHandler } from './application/log-out/log-out.handler';
import { IdentityProvider } from './application/ports/identity-provider';
import { LoginThrottle } from './application/ports/login-throttle';
import { PasswordHasher } from './application/ports/password-hasher';
import { UserAccountRepository } from './application/ports/user-account.repository';
import { RefreshSessionHandler } from './application/refresh-session/refresh-session.handler';
import { SignUpHandler } from './application/sign-up/sign-up.handler';
import { UpdateProfileHandler } from './application/update-profile/update-profile.handler';
import { Auth0AccessTokenVerifier } from './infrastructure/auth0/auth0-access-token.verifier';
import { Auth0Gateway } from './infrastructure/auth0/auth0-gateway';
import { Auth0IdentityProvider } from './infrastructure/auth0/auth0-identity.provider';
import { Auth0Settings } from './infrastructure/auth0/auth0-settings';
import { SelfHostedAccessTokenVerifier } from './infrastructure/identity/self-hosted-access-token.verifier';
import { SelfHostedIdentityProvider } from './infrastructure/identity/self-hosted-identity.provider';
import { TypeOrmAuth0SessionTokens } from './infrastructure/persistence/typeorm-auth0-session-tokens';
import { TypeOrmLoginThrottle } from './infrastructure/persistence/typeorm-login-throttle';
import { TypeOrmUserAccountRepository } from './infrastructure/persistence/typeorm-user-account.repository';
import { AccessTokenService } from './infrastructure/security/access-token.service';
import { Argon2PasswordHasher } from './infrastructure/security/argon2-password-hasher';
import { RefreshTokenCodec } from './infrastructure/security/refresh-token-codec';
import { SigningKeys } from './infrastructure/security/signing-keys';
import { AccessTokenGuard } from './interface/http/access-token.guard';
import { AccessTokenStrategy } from './interface/http/access-token.strategy';
import { AccessTokenVerifier } from './interface/http/access-token.verifier';
import { AuthController } from './interface/http/auth.controller';
import { JwksController } from './interface/http/jwks.controller';

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
    { provide: PasswordHasher, useClass: Argon2PasswordHasher },
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

/** Credentials and tokens held by an Auth0 tenant (IDENTITY_PROVIDER=auth0); no local signing keys. */
const auth0Identity: { providers: Provider[]; controllers: Type[] } = {
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

/**
 * Accounts, credentials, sessions and tokens, with the identity provider IDENTITY_PROVIDER selects.
 * Per-address limits share Redis across processes when configured.
 */
@Module({})
export class AuthenticationModule {
  static forRoot(config: AppConfig): DynamicModule {
    const identity = config.env.IDENTITY_PROVIDER === 'auth0' ? auth0Identity : selfHostedIdentity;
    return {
      module: AuthenticationModule,
      imports: [
        AuthenticationMaintenanceModule,
        PassportModule,
        ThrottlerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (appConfig: AppConfig) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: appConfig.env.AUTH_RATE_LIMIT_PER_MINUTE }],
            errorMessage: 'Too many requests from this address, please try again later',
            storage: appConfig.env.REDIS_URL ? redisThrottlerStorage(appConfig.env.REDIS_URL) : undefined,
          }),
        }),
      ],
      controllers: [AuthController, ...identity.controllers],
      providers: [
        SignUpHandler,
        LogInHandler,
        RefreshSessionHandler,
        LogOutHandler,
        GetProfileHandler,
        UpdateProfileHandler,
        { provide: UserAccountRepository, useClass: TypeOrmUserAccountRepository },
        { provide: LoginThrottle, useClass: TypeOrmLoginThrottle },
        ...identity.providers,
        AccessTokenStrategy,
        AccessTokenGuard,
      ],
      exports: [AccessTokenGuard, AccessTokenStrategy, PassportModule],
    };
  }
}
