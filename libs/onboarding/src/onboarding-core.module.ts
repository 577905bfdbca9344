import { Module } from '@nestjs/common';
import { AppConfig, Clock, OnboardingStateQuery } from '@fluentpro/shared';
import { BuildLearningPlanHandler } from './application/build-learning-plan/build-learning-plan.handler';
import { CompleteOnboardingHandler } from './application/complete-onboarding/complete-onboarding.handler';
import { CreateProfileOnRegistrationHandler } from './application/create-profile/create-profile-on-registration.handler';
import { MatchRolesHandler } from './application/match-roles/match-roles.handler';
import { OnboardingProfiles } from './application/onboarding-profiles';
import { LearningPlanRepository } from './application/ports/learning-plan.repository';
import { OnboardingProfileRepository } from './application/ports/onboarding-profile.repository';
import { ReferenceDataRepository } from './application/ports/reference-data.repository';
import { RoleMatcher } from './application/ports/role-matcher';
import { ListReferenceDataHandler } from './application/reference-data/list-reference-data.handler';
import { ResetOnboardingHandler } from './application/reset-onboarding/reset-onboarding.handler';
import { UpdateAnswersHandler } from './application/update-answers/update-answers.handler';
import { ViewOnboardingHandler } from './application/view-onboarding/view-onboarding.handler';
import { EmbeddingsRoleMatcher } from './infrastructure/matching/embeddings/embeddings-role-matcher';
import { OpenAiEmbeddingsClient } from './infrastructure/matching/embeddings/openai-embeddings.client';
import { TypeOrmRoleVectorStore } from './infrastructure/matching/embeddings/typeorm-role-vector.store';
import { LexicalRoleMatcher } from './infrastructure/matching/lexical/lexical-role-matcher';
import { TypeOrmLearningPlanRepository } from './infrastructure/persistence/typeorm-learning-plan.repository';
import { TypeOrmOnboardingProfileRepository } from './infrastructure/persistence/typeorm-onboarding-profile.repository';
import { TypeOrmOnboardingStateQuery } from './infrastructure/persistence/typeorm-onboarding-state.query';
import { TypeOrmReferenceDataRepository } from './infrastructure/persistence/typeorm-reference-data.repository';

/**
 * The onboarding context without HTTP: use cases, repositories, the role matcher and the event
 * handlers (profile on authentication.user-registered.v1, learning plan on onboarding.completed.v1),
 * plain providers that the events module discovers. The API imports it through OnboardingModule;
 * the worker imports it alone. Needs an EventOutbox provider (the events module) and a
 * RealtimePublisher (RealtimeModule). Exports OnboardingStateQuery for administration.
 */
@Module({
  providers: [
    OnboardingProfiles,
    ListReferenceDataHandler,
    ViewOnboardingHandler,
    UpdateAnswersHandler,
    MatchRolesHandler,
    CompleteOnboardingHandler,
    ResetOnboardingHandler,
    CreateProfileOnRegistrationHandler,
    BuildLearningPlanHandler,
    { provide: OnboardingProfileRepository, useClass: TypeOrmOnboardingProfileRepository },
    { provide: LearningPlanRepository, useClass: TypeOrmLearningPlanRepository },
    { provide: ReferenceDataRepository, useClass: TypeOrmReferenceDataRepository },
    { provide: OnboardingStateQuery, useClass: TypeOrmOnboardingStateQuery },
    LexicalRoleMatcher,
    TypeOrmRoleVectorStore,
    {
      provide: RoleMatcher,
      inject: [AppConfig, LexicalRoleMatcher, TypeOrmRoleVectorStore, Clock],
      useFactory: (
        config: AppConfig,
        lexical: LexicalRoleMatcher,
        vectors: TypeOrmRoleVectorStore,
        clock: Clock,
      ) => {
        const { EMBEDDINGS_URL, EMBEDDINGS_API_KEY, EMBEDDINGS_MODEL, EMBEDDINGS_TIMEOUT_MS } = config.env;
        if (!EMBEDDINGS_URL) return lexical;
        const client = new OpenAiEmbeddingsClient({
          url: EMBEDDINGS_URL,
          apiKey: EMBEDDINGS_API_KEY,
          model: EMBEDDINGS_MODEL,
          timeoutMs: EMBEDDINGS_TIMEOUT_MS,
        });
        return new EmbeddingsRoleMatcher(client, vectors, lexical, clock);
      },
    },
  ],
  exports: [
    ListReferenceDataHandler,
    ViewOnboardingHandler,
    UpdateAnswersHandler,
    MatchRolesHandler,
    CompleteOnboardingHandler,
    ResetOnboardingHandler,
    OnboardingStateQuery,
  ],
})
export class OnboardingCoreModule {}
