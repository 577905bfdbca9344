import { Injectable } from '@nestjs/common';
import { AppConfig, KeyLookup, TypeOrmUnitOfWork } from '@fluentpro/shared';
import { LoginThrottle } from '../../application/ports/login-throttle';
import { AccountTemporarilyLockedError } from '../../domain/authentication.errors';
import { LoginThrottleRecord } from './login-throttle.orm-entity';

const byEmailKey = new KeyLookup(LoginThrottleRecord, 'emailKey');

/**
 * Consecutive failures per email live in the database, so every API process sees the same count.
 * From the Nth failure on, the email is locked for base × 2^(failures − N) seconds, capped.
 */
@Injectable()
export class TypeOrmLoginThrottle extends LoginThrottle {
  constructor(
    private readonly unitOfWork: TypeOrmUnitOfWork,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private get records() {
    return this.unitOfWork.manager.getRepository(LoginThrottleRecord);
  }

  async assertNotLocked(emailKey: string, now: Date): Promise<number> {
    const record = await byEmailKey.find(this.unitOfWork.manager, emailKey);
    if (record?.lockedUntil && record.lockedUntil > now) {
      throw new AccountTemporarilyLockedError((record.lockedUntil.getTime() - now.getTime()) / 1000);
    }
    return record?.failures ?? 0;
  }

  async recordFailure(emailKey: string, now: Date): Promise<void> {
    const { LOGIN_MAX_FAILURES, LOGIN_LOCKOUT_BASE_SECONDS, LOGIN_LOCKOUT_MAX_SECONDS } = this.config.env;
    await this.unitOfWork.run(async () => {
      // Increment in SQL so concurrent failures are never lost; create the row on the first one.
      const incremented = await this.records.increment({ emailKey }, 'failures', 1);
      if (!incremented.affected) {
        await this.records.upsert({ emailKey, failures: 1, lockedUntil: null, updatedAt: now }, ['emailKey']);
      }
      const { failures } = await this.records.findOneByOrFail({ emailKey });
      const lockSeconds =
        failures >= LOGIN_MAX_FAILURES
          ? Math.min(
              LOGIN_LOCKOUT_MAX_SECONDS,
              LOGIN_LOCKOUT_BASE_SECONDS * 2 ** (failures - LOGIN_MAX_FAILURES),
            )
          : 0;
      await this.records.update(
        { emailKey },
        {
          lockedUntil: lockSeconds > 0 ? new Date(now.getTime() + lockSeconds * 1000) : null,
          updatedAt: now,
        },
      );
    });
  }

  async recordSuccess(emailKey: string): Promise<void> {
    await this.unitOfWork.runStatement(() => this.records.delete({ emailKey }));
  }
}
