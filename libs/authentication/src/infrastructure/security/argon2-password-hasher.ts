import { Injectable, OnModuleInit } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
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
  private dummyHash = '';

  constructor(config: AppConfig) {
    super();
    this.options = {
      algorithm: Algorithm.Argon2id,
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

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hash('dummy password for unknown accounts', this.options);
  }

  hash(password: string): Promise<string> {
    return this.limiter.run(() => hash(password, this.options));
  }

  verify(storedHash: string | null, password: string): Promise<boolean> {
    return this.limiter.run(async () => {
      const matches = await verify(storedHash ?? this.dummyHash, password).catch(() => false);
      return storedHash !== null && matches;
    });
  }
}
