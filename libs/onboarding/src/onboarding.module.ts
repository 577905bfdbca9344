import { DynamicModule, Module } from '@nestjs/common';
import { AuthenticationModule } from '@fluentpro/authentication';
import type { AppConfig } from '@fluentpro/shared';
import { OnboardingController } from './interface/http/onboarding.controller';
import { ReferenceDataController } from './interface/http/reference-data.controller';
import { OnboardingCoreModule } from './onboarding-core.module';

/**
 * Onboarding for the API: the HTTP routes (the learner's own behind AccessTokenGuard, the reference
 * data public) over OnboardingCoreModule. The guard runs the authentication module's access-token
 * strategy, so the module is built for the configuration that module is.
 */
@Module({})
export class OnboardingModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: OnboardingModule,
      imports: [OnboardingCoreModule, AuthenticationModule.forRoot(config)],
      controllers: [ReferenceDataController, OnboardingController],
    };
  }
}
