import { ValidationCollector } from '@fluentpro/shared';
import { ONBOARDING_LIMITS } from './onboarding-profile.aggregate';
import { checkLength, normaliseText } from './text-rules';

/** A learner's own words about their job, as sent to role matching. */
export class JobDescription {
  private constructor(
    readonly title: string,
    readonly description: string,
  ) {}

  static create(title: string, description: string): JobDescription {
    const errors = new ValidationCollector();
    errors.attempt('job_title', () => JobDescription.checkTitle(title));
    errors.attempt('job_description', () => JobDescription.checkDescription(description));
    errors.throwIfAny();
    return new JobDescription(normaliseText(title), normaliseText(description));
  }

  static checkTitle(title: string): void {
    JobDescription.check('job_title', 'Job title', title, ONBOARDING_LIMITS.jobTitle);
  }

  static checkDescription(description: string): void {
    JobDescription.check('job_description', 'Job description', description, ONBOARDING_LIMITS.jobDescription);
  }

  private static check(
    field: string,
    label: string,
    value: string,
    limits: { min: number; max: number },
  ): void {
    const errors = new ValidationCollector();
    checkLength(errors, field, label, normaliseText(value), limits);
    errors.throwIfAny();
  }
}
