import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { Clock, RealtimePublisher, UnitOfWork } from '@fluentpro/shared';
import { StaleOnboardingProfileError } from '../domain/onboarding.errors';
import { OnboardingProfile } from '../domain/onboarding-profile.aggregate';
import type { ReferenceCatalog } from '../domain/reference-catalog';
import { OnboardingRealtimeEvents } from './onboarding-realtime-events';
import { OnboardingProfileRepository } from './ports/onboarding-profile.repository';
import { ReferenceDataRepository } from './ports/reference-data.repository';

/** Enough for every writer of one learner's profile to win a round under any realistic contention. */
const MAX_ATTEMPTS = 10;

export interface CommandContext {
  now: Date;
  catalog: ReferenceCatalog;
}

/**
 * Loads and changes one learner's onboarding profile. The profile is created on first access (for
 * learners who signed up before the onboarding context existed); a change runs in one unit of work
 * and is retried from a fresh load when another request saved the profile first, so concurrent
 * updates never lose an answer. Once a change has committed, the learner's open sockets hear the new
 * progress (`onboarding.progress-changed`, whichever device made the change).
 */
@Injectable()
export class OnboardingProfiles {
  constructor(
    private readonly repository: OnboardingProfileRepository,
    private readonly referenceData: ReferenceDataRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly realtime: RealtimePublisher,
    private readonly clock: Clock,
  ) {}

  async load(userId: string): Promise<OnboardingProfile> {
    return (
      (await this.repository.findByUserId(userId)) ?? (await this.change(userId, () => undefined)).profile
    );
  }

  /**
   * Applies `command` to the learner's profile and saves it if it changed, with any other writes
   * the command makes (plan requests, outbox rows) in the same transaction.
   */
  async change<T>(
    userId: string,
    command: (profile: OnboardingProfile, context: CommandContext) => T | Promise<T>,
  ): Promise<{ profile: OnboardingProfile; result: T; catalog: ReferenceCatalog }> {
    const catalog = await this.referenceData.catalog();
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.unitOfWork.run(async () => {
          const now = this.clock.now();
          const profile = await this.loadOrCreate(userId, now);
          const result = await command(profile, { now, catalog });
          if (profile.hasChanges) {
            await this.repository.save(profile);
            const event = OnboardingRealtimeEvents.progressChanged(profile.progress());
            this.unitOfWork.afterCommit(() => this.realtime.publish(userId, event));
          }
          return { profile, result, catalog };
        });
      } catch (error) {
        if (!(error instanceof StaleOnboardingProfileError) || attempt >= MAX_ATTEMPTS) throw error;
        await sleep(Math.floor(Math.random() * 5 * attempt));
      }
    }
  }

  private async loadOrCreate(userId: string, now: Date): Promise<OnboardingProfile> {
    const existing = await this.repository.findByUserId(userId);
    if (existing) return existing;
    await this.repository.insertIfAbsent(OnboardingProfile.start(userId, now));
    const created = await this.repository.findByUserId(userId);
    if (!created) throw new Error(`The onboarding profile of ${userId} could not be created`);
    return created;
  }
}
