import { Injectable, OnModuleInit } from '@nestjs/common';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { AppConfig } from '@fluentpro/shared';
import { PasswordHasher } from '../../application/ports/password-hasher';
import { BoundedConcurrency } from './bounded-concurrency';

/**
 * argon2id on the libuv threadpool (@node-rs/argon2). Hashes in flight are capped below the
 * threadpool size so file, DNS and crypto work never queue behind them; excess is shed with a 503.
 */
@Injectable()
export class Argon2PasswordHasher extends PasswordHasher implements OnModuleInit {
  private readonly options;
  private readonly limiter: BoundedConcurrency;
  /** Verified against for unknown accounts, so they cost one hash like known ones. */
  private dummyHash: Promise<string> | undefined;

  constructor(config: AppConfig) {
    super();
    this.options = {
      algorithm: 2 as Algorithm, // Algorithm.Argon2id (an ambient const enum, unavailable under isolatedModules)
      memoryCost: config.env.ARGON2_MEMORY_KIB,
      timeCost: config.env.ARGON2_TIME_COST,
      parallelism: config.env.ARGON2_PARALLELISM,
    };
    this.limiter = new BoundedConcurrency(
      config.hashConcurrency,
      config.hashQueueLimit,
      'The authentication service is busy; please retry shortly',
    );
  }

  /** Started at boot but not awaited: the first answer need not wait for a hash (docs/performance.md). */
  onModuleInit(): void {
    this.dummyHash = hash('dummy password for unknown accounts', this.options);
    this.dummyHash.catch(() => undefined); // surfaced by the first verify that needs it
  }

  hash(password: string): Promise<string> {
    return this.limiter.run(() => hash(password, this.options));
  }

  verify(storedHash: string | null, password: string): Promise<boolean> {
    return this.limiter.run(async () => {
      this.dummyHash ??= hash('dummy password for unknown accounts', this.options);
      const against = storedHash ?? (await this.dummyHash);
      const matches = await verify(against, password).catch(() => false);
      return storedHash !== null && matches;
    });
  }
}
