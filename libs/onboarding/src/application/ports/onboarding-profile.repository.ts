import type { OnboardingProfile } from '../../domain/onboarding-profile.aggregate';

export abstract class OnboardingProfileRepository {
  abstract findByUserId(userId: string): Promise<OnboardingProfile | null>;
  /** Inserts a new profile unless the learner already has one; true when it was inserted. */
  abstract insertIfAbsent(profile: OnboardingProfile): Promise<boolean>;
  /**
   * Saves a loaded profile if nobody saved it since it was loaded (optimistic version check);
   * throws StaleOnboardingProfileError otherwise. Call inside UnitOfWork.run.
   */
  abstract save(profile: OnboardingProfile): Promise<void>;
}
