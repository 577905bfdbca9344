import { ValidationFailedError } from '@fluentpro/shared';
import { REFERENCE_DATA_V1 } from '../infrastructure/persistence/migrations/reference-data.v1';
import {
  IndustryRequiredError,
  OnboardingIncompleteError,
  PartnerNotSelectedError,
} from './onboarding.errors';
import { OnboardingProfile } from './onboarding-profile.aggregate';
import { ReferenceCatalog } from './reference-catalog';

const catalog = new ReferenceCatalog(REFERENCE_DATA_V1);
const t0 = new Date('2026-01-01T10:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function validationDetails(action: () => unknown): Record<string, string[]> {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.details;
    throw error;
  }
  throw new Error('expected a ValidationFailedError');
}

/** A profile with every required step answered. */
function answered(): OnboardingProfile {
  const profile = OnboardingProfile.start('user-1', t0);
  profile.chooseNativeLanguage('chinese_traditional', catalog, t0);
  profile.chooseIndustry('banking_finance', catalog, t0);
  profile.chooseRole('credit_analyst', catalog, t0);
  profile.choosePartners(['clients', 'senior_management'], catalog, t0);
  profile.chooseSituations('clients', ['negotiations'], [], catalog, t0);
  profile.chooseSituations('senior_management', ['presentations'], ['Quarterly credit review'], catalog, t0);
  return profile;
}

describe('OnboardingProfile', () => {
  describe('progress', () => {
    it('starts at the first step with nothing done', () => {
      const progress = OnboardingProfile.start('user-1', t0).progress();
      expect(progress).toEqual({
        currentStep: 'native_language',
        nextStep: 'industry',
        completedSteps: [],
        percentage: 0,
        isComplete: false,
      });
    });

    it('accepts steps in any order: the current step is the first one not done', () => {
      const profile = OnboardingProfile.start('user-1', t0);
      profile.choosePartners(['colleagues'], catalog, t0);
      profile.chooseNativeLanguage('english', catalog, t0);
      expect(profile.progress()).toMatchObject({
        currentStep: 'industry',
        nextStep: 'role',
        completedSteps: ['native_language', 'communication_partners'],
        percentage: 33,
      });
    });

    it('counts the optional step as done without changing the percentage, and 100% only once completed', () => {
      const profile = answered();
      expect(profile.progress()).toMatchObject({
        currentStep: 'learning_preferences',
        nextStep: 'completed',
        percentage: 83,
      });
      profile.setLearningPreferences(
        { proficiencyLevelId: 'intermediate', goals: [], dailyMinutes: 15 },
        catalog,
        t0,
      );
      expect(profile.progress()).toMatchObject({ currentStep: 'completed', nextStep: null, percentage: 83 });
      profile.complete(catalog, later(1));
      expect(profile.progress()).toMatchObject({
        currentStep: 'completed',
        percentage: 100,
        isComplete: true,
      });
    });
  });

  describe('answers', () => {
    it('rejects unknown ids naming the field and every valid value', () => {
      const profile = OnboardingProfile.start('user-1', t0);
      expect(validationDetails(() => profile.chooseNativeLanguage('klingon', catalog, t0))).toEqual({
        native_language: [
          '"klingon" is not a valid native language. Valid values: english, chinese_traditional, chinese_simplified.',
        ],
      });
      expect(validationDetails(() => profile.chooseIndustry('mining', catalog, t0)).industry[0]).toContain(
        'Valid values: banking_finance, shipping_logistics, real_estate, hotels_hospitality.',
      );
      expect(profile.hasChanges).toBe(false);
    });

    it('needs an industry before a role', () => {
      const profile = OnboardingProfile.start('user-1', t0);
      expect(() => profile.chooseRole('credit_analyst', catalog, t0)).toThrow(IndustryRequiredError);
      expect(() =>
        profile.defineCustomRole(
          { title: 'Trader', description: 'I trade bonds for the bank.' },
          catalog,
          t0,
        ),
      ).toThrow(IndustryRequiredError);
    });

    it('only accepts roles of the chosen industry, listing them', () => {
      const profile = OnboardingProfile.start('user-1', t0);
      profile.chooseIndustry('real_estate', catalog, t0);
      const details = validationDetails(() => profile.chooseRole('credit_analyst', catalog, t0));
      expect(details.role_id[0]).toContain('"credit_analyst" is not a valid role for industry "real_estate"');
      expect(details.role_id[0]).toContain('real_estate_agent');
      expect(details.role_id[0]).not.toContain('loan_officer');
    });

    it('changing the industry clears a role of another industry, keeping one of the same industry', () => {
      const profile = answered();
      profile.chooseIndustry('banking_finance', catalog, later(1));
      expect(profile.snapshot().role).toEqual({ kind: 'catalog', roleId: 'credit_analyst' });
      profile.chooseIndustry('real_estate', catalog, later(2));
      expect(profile.snapshot().role).toBeNull();
      expect(profile.missingSteps()).toEqual(['role']);
    });

    it('a custom role belongs to its industry: reused by title, cleared with the industry, kept by the learner', () => {
      const profile = OnboardingProfile.start('user-1', t0);
      profile.chooseIndustry('banking_finance', catalog, t0);
      const first = profile.defineCustomRole(
        { title: 'Trade Finance Officer', description: 'I check letters of credit for importers.' },
        catalog,
        t0,
      );
      const again = profile.defineCustomRole(
        {
          title: 'trade finance officer',
          description: 'I check letters of credit and guarantees.',
          hierarchyLevelId: 'supervisor',
        },
        catalog,
        later(1),
      );
      expect(again.id).toBe(first.id);
      expect(profile.snapshot().customRoles).toHaveLength(1);
      expect(profile.customRole(first.id)).toMatchObject({
        description: 'I check letters of credit and guarantees.',
        hierarchyLevelId: 'supervisor',
      });
      profile.chooseIndustry('real_estate', catalog, later(2));
      expect(profile.snapshot().role).toBeNull();
      expect(profile.customRolesIn('real_estate')).toEqual([]);
      profile.chooseIndustry('banking_finance', catalog, later(3));
      profile.chooseRole(first.id, catalog, later(4));
      expect(profile.snapshot().role).toEqual({ kind: 'custom', customRoleId: first.id });
    });

    it('validates a custom role: lengths and the hierarchy level, all at once', () => {
      const profile = OnboardingProfile.start('user-1', t0);
      profile.chooseIndustry('banking_finance', catalog, t0);
      const details = validationDetails(() =>
        profile.defineCustomRole({ title: 'X', description: 'short', hierarchyLevelId: 'boss' }, catalog, t0),
      );
      expect(Object.keys(details).sort()).toEqual(['custom_description', 'custom_title', 'hierarchy_level']);
      expect(details.hierarchy_level[0]).toContain(
        'Valid values: associate, supervisor, manager, director, executive.',
      );
    });

    it('partners: order is priority, removed partners lose their situations, kept ones keep them', () => {
      const profile = answered();
      profile.choosePartners(['senior_management', 'suppliers'], catalog, later(1));
      const { partners } = profile.snapshot();
      expect(partners.map((p) => p.partnerId)).toEqual(['senior_management', 'suppliers']);
      expect(partners[0].situations).toHaveLength(2);
      expect(partners[1].situations).toEqual([]);
      expect(profile.missingSteps()).toEqual(['situations']);
    });

    it('partners: between 1 and 7, unique and known', () => {
      const profile = OnboardingProfile.start('user-1', t0);
      expect(validationDetails(() => profile.choosePartners([], catalog, t0)).partner_ids).toEqual([
        'Choose between 1 and 7 communication partners.',
      ]);
      const details = validationDetails(() =>
        profile.choosePartners(['clients', 'clients', 'aliens'], catalog, t0),
      );
      expect(details.partner_ids).toEqual([
        '"clients" is listed more than once.',
        expect.stringContaining('"aliens" is not a valid communication partner. Valid values: clients,'),
      ]);
    });

    it('situations need a selected partner and at least one situation; custom ones keep their id', () => {
      const profile = answered();
      expect(() => profile.chooseSituations('suppliers', ['meetings'], [], catalog, t0)).toThrow(
        PartnerNotSelectedError,
      );
      expect(validationDetails(() => profile.chooseSituations('clients', [], [], catalog, t0))).toEqual({
        situation_ids: ['Choose at least one situation or describe one of your own.'],
      });
      const before = profile.snapshot().partners[1].situations[1];
      profile.chooseSituations(
        'senior_management',
        ['meetings'],
        ['  quarterly   credit REVIEW ', 'Board Q&A'],
        catalog,
        t0,
      );
      const after = profile.snapshot().partners[1].situations;
      expect(after[0]).toEqual({ kind: 'catalog', situationId: 'meetings' });
      expect(after[1]).toEqual({
        kind: 'custom',
        id: (before as { id: string }).id,
        name: 'quarterly credit REVIEW',
      });
      expect(after[2]).toMatchObject({ kind: 'custom', name: 'Board Q&A' });
    });

    it('learning preferences are validated field by field', () => {
      const profile = OnboardingProfile.start('user-1', t0);
      const details = validationDetails(() =>
        profile.setLearningPreferences(
          { proficiencyLevelId: 'fluent', goals: ['x', 'ok goal'], dailyMinutes: 1 },
          catalog,
          t0,
        ),
      );
      expect(Object.keys(details).sort()).toEqual(['daily_minutes', 'goals', 'proficiency_level']);
    });
  });

  describe('completion', () => {
    it('lists every missing step, naming partners without situations', () => {
      const profile = OnboardingProfile.start('user-1', t0);
      profile.chooseNativeLanguage('english', catalog, t0);
      profile.choosePartners(['clients', 'customers'], catalog, t0);
      profile.chooseSituations('clients', ['meetings'], [], catalog, t0);
      try {
        profile.complete(catalog, t0);
        throw new Error('expected OnboardingIncompleteError');
      } catch (error) {
        expect(error).toBeInstanceOf(OnboardingIncompleteError);
        const incomplete = error as OnboardingIncompleteError;
        expect(incomplete.details).toEqual({ missing: ['industry', 'role', 'situations'] });
        expect(incomplete.message).toBe(
          'Answer these steps before completing: industry, role, situations (for Customers)',
        );
      }
      expect(profile.isComplete).toBe(false);
    });

    it('completes once; completing again unchanged is a no-op', () => {
      const profile = answered();
      expect(profile.complete(catalog, later(5))).toBe(true);
      expect(profile.completedAt).toEqual(later(5));
      expect(profile.complete(catalog, later(6))).toBe(false);
      expect(profile.completedAt).toEqual(later(5));
    });

    it('a changed answer reopens it; the same answer again does not', () => {
      const profile = answered();
      profile.complete(catalog, later(5));
      profile.chooseNativeLanguage('chinese_traditional', catalog, later(6));
      profile.choosePartners(['clients', 'senior_management'], catalog, later(6));
      expect(profile.isComplete).toBe(true);
      profile.chooseSituations('clients', ['negotiations', 'meetings'], [], catalog, later(7));
      expect(profile.isComplete).toBe(false);
      expect(profile.complete(catalog, later(8))).toBe(true);
      expect(profile.completedAt).toEqual(later(8));
    });

    it('reset clears every answer and completion but keeps the learner’s custom roles', () => {
      const profile = answered();
      profile.defineCustomRole(
        { title: 'Trade Finance Officer', description: 'Letters of credit.' },
        catalog,
        t0,
      );
      profile.complete(catalog, later(5));
      profile.reset(later(6));
      expect(profile.progress()).toMatchObject({
        currentStep: 'native_language',
        completedSteps: [],
        percentage: 0,
      });
      expect(profile.snapshot()).toMatchObject({
        role: null,
        partners: [],
        completedAt: null,
        isComplete: false,
      });
      expect(profile.snapshot().customRoles).toHaveLength(1);
    });
  });

  it('snapshots and restores without sharing state', () => {
    const profile = answered();
    const copy = OnboardingProfile.restore(profile.snapshot());
    copy.choosePartners(['colleagues'], catalog, later(1));
    expect(profile.snapshot().partners.map((p) => p.partnerId)).toEqual(['clients', 'senior_management']);
    expect(copy.hasChanges).toBe(true);
  });
});
