import { Injectable } from '@nestjs/common';
import {
  AUTHENTICATION_EVENTS,
  Clock,
  IntegrationEventHandler,
  UnitOfWork,
  UserRegisteredV1,
} from '@fluentpro/shared';
import { OnboardingProfile } from '../../domain/onboarding-profile.aggregate';
import { OnboardingProfileRepository } from '../ports/onboarding-profile.repository';

/** Every new learner gets an empty onboarding profile (idempotent: a second delivery changes nothing). */
@Injectable()
export class CreateProfileOnRegistrationHandler extends IntegrationEventHandler<UserRegisteredV1> {
  readonly name = 'onboarding.create-profile';
  readonly eventType = AUTHENTICATION_EVENTS.userRegistered;

  constructor(
    private readonly profiles: OnboardingProfileRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {
    super();
  }

  async handle(event: UserRegisteredV1): Promise<void> {
    const profile = OnboardingProfile.start(event.payload.userId, this.clock.now());
    await this.unitOfWork.run(() => this.profiles.insertIfAbsent(profile));
  }
}
