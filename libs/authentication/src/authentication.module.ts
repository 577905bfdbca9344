import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import type { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AppConfig } from '@fluentpro/shared';
import { GetProfileHandler } from './application/get-profile/get-profile.handler';
import { LogInHandler } from './application/log-in/log-in.handler';
import { LogOutHandler } from './application/log-out/log-out.handler';
import { IdentityProvider } from './application/ports/identity-provider';
import { LoginThrottle } from './application/ports/login-throttle';
import { PasswordHasher } from './application/ports/password-hasher';
import { SessionRepository } from './application/ports/session.repository';
import { UserAccountRepository } from './application/ports/user-account.repository';
import { RefreshSessionHandler } from './application/refresh-session/refresh-session.handler';
import { SignUpHandler } from './application/sign-up/sign-up.handler';
import { UpdateProfileHandler } from './application/update-profile/update-profile.handler';
import { SelfHostedAccessTokenVerifier } from './infrastructure/identity/self-hosted-access-token.verifier';
import { SelfHostedIdentityProvider } from './infrastructure/identity/self-hosted-identity.provider';
import { TypeOrmLoginThrottle } from './infrastructure/persistence/typeorm-login-throttle';
import { TypeOrmSessionRepository } from './infrastructure/persistence/typeorm-session.repository';
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

/** Accounts, credentials, sessions and tokens. Per-address limits share Redis across processes when configured. */
@Module({
  imports: [
    PassportModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.env.AUTH_RATE_LIMIT_PER_MINUTE }],
        errorMessage: 'Too many requests from this address, please try again later',
        storage: config.env.REDIS_URL ? redisThrottlerStorage(config.env.REDIS_URL) : undefined,
      }),
    }),
  ],
  controllers: [AuthController, JwksController],
  providers: [
    SignUpHandler,
    LogInHandler,
    RefreshSessionHandler,
    LogOutHandler,
    GetProfileHandler,
    UpdateProfileHandler,
    { provide: UserAccountRepository, useClass: TypeOrmUserAccountRepository },
    { provide: SessionRepository, useClass: TypeOrmSessionRepository },
    { provide: LoginThrottle, useClass: TypeOrmLoginThrottle },
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
    AccessTokenStrategy,
    AccessTokenGuard,
  ],
  exports: [AccessTokenGuard, AccessTokenStrategy, PassportModule],
})
export class AuthenticationModule {}
