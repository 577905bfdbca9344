import { Module } from '@nestjs/common';
import { AuthenticationModule } from '@fluentpro/authentication';
import { OnboardingController } from './interface/http/onboarding.controller';
import { ReferenceDataController } from './interface/http/reference-data.controller';
import { OnboardingCoreModule } from './onboarding-core.module';

/**
 * Onboarding for the API: the HTTP routes (the learner's own behind AccessTokenGuard, the reference
 * data public) over OnboardingCoreModule.
 */
@Module({
  imports: [OnboardingCoreModule, AuthenticationModule],
  controllers: [ReferenceDataController, OnboardingController],
})
export class OnboardingModule {}
