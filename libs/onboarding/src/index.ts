// The only door into the onboarding context.
export { OnboardingModule } from './onboarding.module';
export { OnboardingCoreModule } from './onboarding-core.module';
export { onboardingPersistence } from './infrastructure/persistence/onboarding.persistence';
export { CreateProfileOnRegistrationHandler } from './application/create-profile/create-profile-on-registration.handler';
export { BuildLearningPlanHandler } from './application/build-learning-plan/build-learning-plan.handler';
