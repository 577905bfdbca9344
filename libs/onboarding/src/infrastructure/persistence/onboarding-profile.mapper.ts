import {
  OnboardingProfile,
  PartnerSelection,
  RoleSelection,
} from '../../domain/onboarding-profile.aggregate';
import {
  CustomRoleRecord,
  OnboardingProfileRecord,
  ProfilePartnerRecord,
  ProfileSituationRecord,
} from './onboarding-profile.orm-entities';

export interface OnboardingProfileRows {
  profile: OnboardingProfileRecord;
  customRoles: CustomRoleRecord[];
  partners: ProfilePartnerRecord[];
  situations: ProfileSituationRecord[];
}

const byPriority = (a: { priority: number }, b: { priority: number }) => a.priority - b.priority;

export const OnboardingProfileMapper = {
  toDomain(rows: OnboardingProfileRows): OnboardingProfile {
    const { profile } = rows;
    const role: RoleSelection | null = profile.roleId
      ? { kind: 'catalog', roleId: profile.roleId }
      : profile.customRoleId
        ? { kind: 'custom', customRoleId: profile.customRoleId }
        : null;
    const partners: PartnerSelection[] = [...rows.partners].sort(byPriority).map((partner) => ({
      partnerId: partner.partnerId,
      situations: rows.situations
        .filter((situation) => situation.partnerId === partner.partnerId)
        .sort(byPriority)
        .map((situation) =>
          situation.situationId !== null
            ? { kind: 'catalog' as const, situationId: situation.situationId }
            : { kind: 'custom' as const, id: situation.customSituationId!, name: situation.customName! },
        ),
    }));
    return OnboardingProfile.restore({
      userId: profile.userId,
      nativeLanguageId: profile.nativeLanguageId,
      industryId: profile.industryId,
      role,
      customRoles: rows.customRoles.map((record) => ({
        id: record.id,
        industryId: record.industryId,
        title: record.title,
        description: record.description,
        hierarchyLevelId: record.hierarchyLevelId,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
      })),
      partners,
      preferences:
        profile.proficiencyLevelId !== null && profile.dailyMinutes !== null
          ? {
              proficiencyLevelId: profile.proficiencyLevelId,
              goals: profile.learningGoals ?? [],
              dailyMinutes: profile.dailyMinutes,
            }
          : null,
      isComplete: profile.isComplete,
      completedAt: profile.completedAt,
      version: profile.version,
      createdAt: profile.createdAt,
      updatedAt: profile.updatedAt,
    });
  },

  toRows(aggregate: OnboardingProfile): OnboardingProfileRows {
    const state = aggregate.snapshot();
    const profile = Object.assign(new OnboardingProfileRecord(), {
      userId: state.userId,
      nativeLanguageId: state.nativeLanguageId,
      industryId: state.industryId,
      roleId: state.role?.kind === 'catalog' ? state.role.roleId : null,
      customRoleId: state.role?.kind === 'custom' ? state.role.customRoleId : null,
      proficiencyLevelId: state.preferences?.proficiencyLevelId ?? null,
      learningGoals: state.preferences?.goals ?? null,
      dailyMinutes: state.preferences?.dailyMinutes ?? null,
      isComplete: state.isComplete,
      completedAt: state.completedAt,
      version: state.version,
      createdAt: state.createdAt,
      updatedAt: state.updatedAt,
    });
    const customRoles = state.customRoles.map((role) =>
      Object.assign(new CustomRoleRecord(), { ...role, userId: state.userId }),
    );
    const partners = state.partners.map((partner, index) =>
      Object.assign(new ProfilePartnerRecord(), {
        userId: state.userId,
        partnerId: partner.partnerId,
        priority: index + 1,
      }),
    );
    const situations = state.partners.flatMap((partner) =>
      partner.situations.map((situation, index) =>
        Object.assign(new ProfileSituationRecord(), {
          userId: state.userId,
          partnerId: partner.partnerId,
          priority: index + 1,
          situationId: situation.kind === 'catalog' ? situation.situationId : null,
          customSituationId: situation.kind === 'custom' ? situation.id : null,
          customName: situation.kind === 'custom' ? situation.name : null,
        }),
      ),
    );
    return { profile, customRoles, partners, situations };
  },
};
