import type { LearningPlan } from '../domain/learning-plan.aggregate';
import type { OnboardingProfile, SituationSelection } from '../domain/onboarding-profile.aggregate';
import type { OnboardingStep } from '../domain/onboarding-steps';
import type { ReferenceCatalog } from '../domain/reference-catalog';
import type { RoleMatch } from './ports/role-matcher';

export interface SituationView {
  id: string;
  name: string;
  priority: number;
  is_custom: boolean;
}

export interface PartnerView {
  id: string;
  name: string;
  priority: number;
  situations: SituationView[];
}

export interface ProgressView {
  current_step: OnboardingStep;
  next_step: OnboardingStep | null;
  completed_steps: OnboardingStep[];
  progress_percentage: number;
  is_complete: boolean;
  native_language: string | null;
  industry: string | null;
  role: { id: string; title: string; is_custom: boolean; hierarchy_level: string | null } | null;
  communication_partners: PartnerView[];
  learning_preferences: { proficiency_level: string; goals: string[]; daily_minutes: number } | null;
}

export interface SummaryView {
  native_language: { id: string; name: string; native_name: string } | null;
  industry: { id: string; name: string; description: string } | null;
  role: {
    id: string;
    title: string;
    description: string;
    industry: string;
    hierarchy_level: { id: string; name: string } | null;
    is_custom: boolean;
  } | null;
  communication_partners: (PartnerView & {
    description: string;
    situations: (SituationView & { description: string | null })[];
  })[];
  learning_preferences: {
    proficiency_level: { id: string; name: string; description: string };
    goals: string[];
    daily_minutes: number;
  } | null;
  completed_at: string | null;
  progress: ProgressView;
}

export type LearningPlanView =
  | { status: 'pending' }
  | {
      status: 'ready';
      generated_at: string;
      items: {
        position: number;
        partner: { id: string; name: string; priority: number };
        situation: { id: string; name: string; priority: number; is_custom: boolean };
        skills: string[];
        rationale: string;
      }[];
    };

export interface RoleMatchesView {
  matches: {
    id: string;
    title: string;
    description: string;
    industry: string;
    hierarchy_level: string | null;
    relevance_score: number;
    is_custom: boolean;
  }[];
}

interface ResolvedRole {
  id: string;
  title: string;
  description: string;
  industryId: string;
  hierarchyLevelId: string | null;
  isCustom: boolean;
}

function resolveRole(profile: OnboardingProfile, catalog: ReferenceCatalog): ResolvedRole | null {
  const { role } = profile.snapshot();
  if (!role) return null;
  if (role.kind === 'catalog') {
    const found = catalog.role(role.roleId);
    return found ? { ...found, isCustom: false } : null;
  }
  const custom = profile.customRole(role.customRoleId);
  return custom ? { ...custom, isCustom: true } : null;
}

function situationView(
  situation: SituationSelection,
  index: number,
  catalog: ReferenceCatalog,
): SituationView {
  return situation.kind === 'catalog'
    ? {
        id: situation.situationId,
        name: catalog.situation(situation.situationId)?.name ?? situation.situationId,
        priority: index + 1,
        is_custom: false,
      }
    : { id: situation.id, name: situation.name, priority: index + 1, is_custom: true };
}

export function toProgressView(profile: OnboardingProfile, catalog: ReferenceCatalog): ProgressView {
  const state = profile.snapshot();
  const progress = profile.progress();
  const role = resolveRole(profile, catalog);
  return {
    current_step: progress.currentStep,
    next_step: progress.nextStep,
    completed_steps: progress.completedSteps,
    progress_percentage: progress.percentage,
    is_complete: progress.isComplete,
    native_language: state.nativeLanguageId,
    industry: state.industryId,
    role: role && {
      id: role.id,
      title: role.title,
      is_custom: role.isCustom,
      hierarchy_level: role.hierarchyLevelId,
    },
    communication_partners: state.partners.map((partner, index) => ({
      id: partner.partnerId,
      name: catalog.partner(partner.partnerId)?.name ?? partner.partnerId,
      priority: index + 1,
      situations: partner.situations.map((situation, position) =>
        situationView(situation, position, catalog),
      ),
    })),
    learning_preferences: state.preferences && {
      proficiency_level: state.preferences.proficiencyLevelId,
      goals: state.preferences.goals,
      daily_minutes: state.preferences.dailyMinutes,
    },
  };
}

export function toSummaryView(profile: OnboardingProfile, catalog: ReferenceCatalog): SummaryView {
  const state = profile.snapshot();
  const language = state.nativeLanguageId ? catalog.language(state.nativeLanguageId) : undefined;
  const industry = state.industryId ? catalog.industry(state.industryId) : undefined;
  const role = resolveRole(profile, catalog);
  const level = role?.hierarchyLevelId ? catalog.hierarchyLevel(role.hierarchyLevelId) : undefined;
  const proficiency = state.preferences && catalog.proficiencyLevel(state.preferences.proficiencyLevelId);
  return {
    native_language: language
      ? { id: language.id, name: language.name, native_name: language.nativeName }
      : null,
    industry: industry ? { id: industry.id, name: industry.name, description: industry.description } : null,
    role: role && {
      id: role.id,
      title: role.title,
      description: role.description,
      industry: role.industryId,
      hierarchy_level: level ? { id: level.id, name: level.name } : null,
      is_custom: role.isCustom,
    },
    communication_partners: state.partners.map((partner, index) => {
      const reference = catalog.partner(partner.partnerId);
      return {
        id: partner.partnerId,
        name: reference?.name ?? partner.partnerId,
        description: reference?.description ?? '',
        priority: index + 1,
        situations: partner.situations.map((situation, position) => ({
          ...situationView(situation, position, catalog),
          description:
            situation.kind === 'catalog'
              ? (catalog.situation(situation.situationId)?.description ?? null)
              : null,
        })),
      };
    }),
    learning_preferences:
      state.preferences && proficiency
        ? {
            proficiency_level: {
              id: proficiency.id,
              name: proficiency.name,
              description: proficiency.description,
            },
            goals: state.preferences.goals,
            daily_minutes: state.preferences.dailyMinutes,
          }
        : null,
    completed_at: state.completedAt?.toISOString() ?? null,
    progress: toProgressView(profile, catalog),
  };
}

export function toLearningPlanView(plan: LearningPlan): LearningPlanView {
  if (plan.status === 'pending' || !plan.generatedAt) return { status: 'pending' };
  return {
    status: 'ready',
    generated_at: plan.generatedAt.toISOString(),
    items: plan.items.map((item) => ({
      position: item.position,
      partner: item.partner,
      situation: {
        id: item.situation.id,
        name: item.situation.name,
        priority: item.situation.priority,
        is_custom: item.situation.isCustom,
      },
      skills: item.skills,
      rationale: item.rationale,
    })),
  };
}

export function toRoleMatchesView(matches: RoleMatch[]): RoleMatchesView {
  return {
    matches: matches.map(({ role, score }) => ({
      id: role.id,
      title: role.title,
      description: role.description,
      industry: role.industryId,
      hierarchy_level: role.hierarchyLevelId,
      relevance_score: Math.round(score * 10_000) / 10_000,
      is_custom: role.isCustom,
    })),
  };
}
