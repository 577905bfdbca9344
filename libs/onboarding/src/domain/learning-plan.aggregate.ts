import {
  GENERIC_PARTNER_FOCUS,
  GENERIC_SITUATION_SKILLS,
  PARTNER_FOCUS,
  PROFICIENCY_FOCUS,
  SITUATION_SKILLS,
} from './learning-plan-skills';
import type { OnboardingProfile } from './onboarding-profile.aggregate';
import type { ReferenceCatalog } from './reference-catalog';

/** The answers a plan is built from, captured when onboarding is completed. */
export interface LearningPlanBasis {
  roleTitle: string;
  industryId: string;
  partners: {
    partnerId: string;
    situations: { id: string; customName: string | null }[];
  }[];
  proficiencyLevelId: string | null;
  goals: string[];
  dailyMinutes: number | null;
}

export interface LearningPlanItem {
  position: number;
  partner: { id: string; name: string; priority: number };
  situation: { id: string; name: string; priority: number; isCustom: boolean };
  skills: string[];
  rationale: string;
}

export type LearningPlanStatus = 'pending' | 'ready';

export interface LearningPlanState {
  userId: string;
  status: LearningPlanStatus;
  /** The completion this plan answers (the completedAt of onboarding.completed.v1). */
  requestedAt: Date;
  basis: LearningPlanBasis;
  items: LearningPlanItem[] | null;
  generatedAt: Date | null;
}

/** A deep copy: basis and items are plain data; Dates are never mutated, so they are shared. */
function copyState(state: LearningPlanState): LearningPlanState {
  return {
    ...state,
    basis: JSON.parse(JSON.stringify(state.basis)) as LearningPlanBasis,
    items: state.items && (JSON.parse(JSON.stringify(state.items)) as LearningPlanItem[]),
  };
}

const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/**
 * A learner's learning plan: requested (pending) when onboarding is completed, built (ready) by the
 * worker. One item per partner × situation, highest priority first.
 */
export class LearningPlan {
  private constructor(private state: LearningPlanState) {}

  /** Captures the completed answers; throws if the profile is not complete. */
  static request(profile: OnboardingProfile, catalog: ReferenceCatalog): LearningPlan {
    const answers = profile.snapshot();
    if (!answers.isComplete || !answers.completedAt || !answers.industryId || !answers.role)
      throw new Error('A learning plan is requested only for a completed onboarding');
    const role = answers.role;
    const roleTitle =
      role.kind === 'catalog'
        ? (catalog.role(role.roleId)?.title ?? role.roleId)
        : (profile.customRole(role.customRoleId)?.title ?? 'professional');
    return new LearningPlan({
      userId: answers.userId,
      status: 'pending',
      requestedAt: answers.completedAt,
      basis: {
        roleTitle,
        industryId: answers.industryId,
        partners: answers.partners.map((partner) => ({
          partnerId: partner.partnerId,
          situations: partner.situations.map((situation) =>
            situation.kind === 'catalog'
              ? { id: situation.situationId, customName: null }
              : { id: situation.id, customName: situation.name },
          ),
        })),
        proficiencyLevelId: answers.preferences?.proficiencyLevelId ?? null,
        goals: answers.preferences?.goals ?? [],
        dailyMinutes: answers.preferences?.dailyMinutes ?? null,
      },
      items: null,
      generatedAt: null,
    });
  }

  static restore(state: LearningPlanState): LearningPlan {
    return new LearningPlan(copyState(state));
  }

  /** Whether this plan answers the completion made at `completedAt` (later ones supersede it). */
  answers(completedAt: Date): boolean {
    return this.state.requestedAt.getTime() === completedAt.getTime();
  }

  /** Builds the items from the captured answers; building twice gives the same items. */
  build(catalog: ReferenceCatalog, now: Date): void {
    const { basis } = this.state;
    const industry = catalog.industry(basis.industryId)?.name ?? basis.industryId;
    const levelFocus = basis.proficiencyLevelId ? PROFICIENCY_FOCUS[basis.proficiencyLevelId] : undefined;
    const items: LearningPlanItem[] = [];
    basis.partners.forEach((partner, partnerIndex) => {
      const partnerName = catalog.partner(partner.partnerId)?.name ?? partner.partnerId;
      partner.situations.forEach((situation, situationIndex) => {
        const known = situation.customName === null ? SITUATION_SKILLS[situation.id] : undefined;
        const name = situation.customName ?? catalog.situation(situation.id)?.name ?? situation.id;
        const situationSkills = known?.skills ?? GENERIC_SITUATION_SKILLS;
        const phrase = known?.phrase ?? `in "${name}"`;
        const skills = [
          ...situationSkills,
          PARTNER_FOCUS[partner.partnerId] ?? GENERIC_PARTNER_FOCUS,
          ...(levelFocus ? [levelFocus] : []),
        ];
        items.push({
          position: items.length + 1,
          partner: { id: partner.partnerId, name: partnerName, priority: partnerIndex + 1 },
          situation: {
            id: situation.id,
            name,
            priority: situationIndex + 1,
            isCustom: situation.customName !== null,
          },
          skills,
          rationale:
            `As ${article(basis.roleTitle)} ${basis.roleTitle} in ${industry}, you speak English with ` +
            `${partnerName.toLowerCase()} ${phrase}: this practice trains ${situationSkills[0]} and ` +
            `${situationSkills[1]}.`,
        });
      });
    });
    this.state = { ...this.state, status: 'ready', items, generatedAt: now };
  }

  get userId(): string {
    return this.state.userId;
  }
  get status(): LearningPlanStatus {
    return this.state.status;
  }
  get requestedAt(): Date {
    return this.state.requestedAt;
  }
  get generatedAt(): Date | null {
    return this.state.generatedAt;
  }
  get items(): readonly LearningPlanItem[] {
    return this.state.items ?? [];
  }

  snapshot(): Readonly<LearningPlanState> {
    return copyState(this.state);
  }
}
