import { Injectable } from '@nestjs/common';
import { JobDescription } from '../../domain/job-description.value-object';
import { IndustryRequiredError } from '../../domain/onboarding.errors';
import { OnboardingProfiles } from '../onboarding-profiles';
import { RoleMatchesView, toRoleMatchesView } from '../onboarding.views';
import { ReferenceDataRepository } from '../ports/reference-data.repository';
import { RoleCandidate, RoleMatcher } from '../ports/role-matcher';

export const MAX_ROLE_MATCHES = 5;

/**
 * Suggests catalog roles (and the learner's own custom roles) of the learner's industry for the job
 * they describe in their own words. Nothing is saved: the learner then chooses with PUT role/.
 */
@Injectable()
export class MatchRolesHandler {
  constructor(
    private readonly profiles: OnboardingProfiles,
    private readonly referenceData: ReferenceDataRepository,
    private readonly matcher: RoleMatcher,
  ) {}

  async execute(userId: string, jobTitle: string, jobDescription: string): Promise<RoleMatchesView> {
    const job = JobDescription.create(jobTitle, jobDescription);
    const profile = await this.profiles.load(userId);
    if (!profile.industryId) throw new IndustryRequiredError();
    const catalog = await this.referenceData.catalog();
    const candidates: RoleCandidate[] = [
      ...catalog.data.roles.map((role) => ({ ...role, isCustom: false })),
      ...profile.snapshot().customRoles.map((role) => ({ ...role, keywords: [], isCustom: true })),
    ];
    const matches = await this.matcher.match({
      jobTitle: job.title,
      jobDescription: job.description,
      industryId: profile.industryId,
      candidates,
      limit: MAX_ROLE_MATCHES,
    });
    return toRoleMatchesView(matches);
  }
}
