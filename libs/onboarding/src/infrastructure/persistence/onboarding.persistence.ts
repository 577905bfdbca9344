import type { PersistenceContribution } from '@fluentpro/shared';
import { LearningPlanRecord } from './learning-plan.orm-entity';
import {
  CreateOnboardingTablesPostgres1732600000000,
  CreateOnboardingTablesSqlite1732600000000,
} from './migrations/1732600000000-create-onboarding-tables';
import {
  SeedOnboardingReferenceDataPostgres1732600000001,
  SeedOnboardingReferenceDataSqlite1732600000001,
} from './migrations/1732600000001-seed-onboarding-reference-data';
import {
  CustomRoleRecord,
  OnboardingProfileRecord,
  ProfilePartnerRecord,
  ProfileSituationRecord,
} from './onboarding-profile.orm-entities';
import {
  CommunicationPartnerRecord,
  HierarchyLevelRecord,
  IndustryRecord,
  LanguageRecord,
  ProficiencyLevelRecord,
  RoleRecord,
  SituationRecord,
} from './reference-data.orm-entities';
import { RoleVectorRecord } from './role-vector.orm-entity';

export const onboardingPersistence: PersistenceContribution = {
  entities: [
    LanguageRecord,
    IndustryRecord,
    CommunicationPartnerRecord,
    SituationRecord,
    HierarchyLevelRecord,
    ProficiencyLevelRecord,
    RoleRecord,
    RoleVectorRecord,
    OnboardingProfileRecord,
    CustomRoleRecord,
    ProfilePartnerRecord,
    ProfileSituationRecord,
    LearningPlanRecord,
  ],
  migrations: {
    postgres: [CreateOnboardingTablesPostgres1732600000000, SeedOnboardingReferenceDataPostgres1732600000001],
    sqlite: [CreateOnboardingTablesSqlite1732600000000, SeedOnboardingReferenceDataSqlite1732600000001],
  },
};
