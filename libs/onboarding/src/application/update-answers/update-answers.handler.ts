import { Injectable } from '@nestjs/common';
import { REQUIRED_MESSAGE, ValidationCollector } from '@fluentpro/shared';
import type { OnboardingProfile } from '../../domain/onboarding-profile.aggregate';
import { CommandContext, OnboardingProfiles } from '../onboarding-profiles';
import { ProgressView, toProgressView } from '../onboarding.views';
import type {
  ChooseRoleCommand,
  ChooseSituationsCommand,
  SetLearningPreferencesCommand,
} from './update-answers.commands';

/** The answer steps: each validates against the reference data, applies the clean-ups and saves. */
@Injectable()
export class UpdateAnswersHandler {
  constructor(private readonly profiles: OnboardingProfiles) {}

  setNativeLanguage(userId: string, languageId: string): Promise<ProgressView> {
    return this.apply(userId, (profile, { catalog, now }) =>
      profile.chooseNativeLanguage(languageId, catalog, now),
    );
  }

  setIndustry(userId: string, industryId: string): Promise<ProgressView> {
    return this.apply(userId, (profile, { catalog, now }) =>
      profile.chooseIndustry(industryId, catalog, now),
    );
  }

  chooseRole(userId: string, command: ChooseRoleCommand): Promise<ProgressView> {
    const custom = command.customTitle !== undefined || command.customDescription !== undefined;
    const errors = new ValidationCollector();
    if (command.roleId !== undefined && (custom || command.hierarchyLevel !== undefined))
      errors.add('role_id', 'Send either role_id, or custom_title and custom_description; not both.');
    else if (command.roleId === undefined && !custom)
      errors.add('role_id', 'Send role_id, or custom_title and custom_description for a role of your own.');
    else if (custom) {
      if (command.customTitle === undefined) errors.add('custom_title', REQUIRED_MESSAGE);
      if (command.customDescription === undefined) errors.add('custom_description', REQUIRED_MESSAGE);
    }
    errors.throwIfAny();
    return this.apply(userId, (profile, { catalog, now }) => {
      if (command.roleId !== undefined) profile.chooseRole(command.roleId, catalog, now);
      else
        profile.defineCustomRole(
          {
            title: command.customTitle!,
            description: command.customDescription!,
            hierarchyLevelId: command.hierarchyLevel ?? null,
          },
          catalog,
          now,
        );
    });
  }

  setPartners(userId: string, partnerIds: string[]): Promise<ProgressView> {
    return this.apply(userId, (profile, { catalog, now }) =>
      profile.choosePartners(partnerIds, catalog, now),
    );
  }

  setSituations(userId: string, command: ChooseSituationsCommand): Promise<ProgressView> {
    return this.apply(userId, (profile, { catalog, now }) =>
      profile.chooseSituations(
        command.partnerId,
        command.situationIds,
        command.customSituations,
        catalog,
        now,
      ),
    );
  }

  setLearningPreferences(userId: string, command: SetLearningPreferencesCommand): Promise<ProgressView> {
    return this.apply(userId, (profile, { catalog, now }) =>
      profile.setLearningPreferences(
        {
          proficiencyLevelId: command.proficiencyLevel,
          goals: command.goals,
          dailyMinutes: command.dailyMinutes,
        },
        catalog,
        now,
      ),
    );
  }

  private async apply(
    userId: string,
    change: (profile: OnboardingProfile, context: CommandContext) => void,
  ): Promise<ProgressView> {
    const { profile, catalog } = await this.profiles.change(userId, change);
    return toProgressView(profile, catalog);
  }
}
