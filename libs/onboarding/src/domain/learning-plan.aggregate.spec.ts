import { REFERENCE_DATA_V1 } from '../infrastructure/persistence/migrations/reference-data.v1';
import { LearningPlan } from './learning-plan.aggregate';
import { OnboardingProfile } from './onboarding-profile.aggregate';
import { ReferenceCatalog } from './reference-catalog';

const catalog = new ReferenceCatalog(REFERENCE_DATA_V1);
const t0 = new Date('2026-01-01T10:00:00Z');
const t1 = new Date('2026-01-01T10:05:00Z');

function completedProfile(options: { proficiency?: string; customRole?: boolean } = {}): OnboardingProfile {
  const profile = OnboardingProfile.start('user-1', t0);
  profile.chooseNativeLanguage('chinese_simplified', catalog, t0);
  profile.chooseIndustry('hotels_hospitality', catalog, t0);
  if (options.customRole)
    profile.defineCustomRole(
      { title: 'Spa Manager', description: 'I run the hotel spa and its therapists.' },
      catalog,
      t0,
    );
  else profile.chooseRole('executive_chef', catalog, t0);
  profile.choosePartners(['suppliers', 'colleagues'], catalog, t0);
  profile.chooseSituations('suppliers', ['negotiations', 'phone_calls'], [], catalog, t0);
  profile.chooseSituations('colleagues', ['training_sessions'], ['Morning kitchen huddle'], catalog, t0);
  if (options.proficiency)
    profile.setLearningPreferences(
      { proficiencyLevelId: options.proficiency, goals: [], dailyMinutes: 20 },
      catalog,
      t0,
    );
  profile.complete(catalog, t0);
  return profile;
}

describe('LearningPlan', () => {
  it('is requested pending for a completed onboarding only', () => {
    const incomplete = OnboardingProfile.start('user-1', t0);
    expect(() => LearningPlan.request(incomplete, catalog)).toThrow();
    const plan = LearningPlan.request(completedProfile(), catalog);
    expect(plan.status).toBe('pending');
    expect(plan.items).toEqual([]);
    expect(plan.answers(t0)).toBe(true);
    expect(plan.answers(t1)).toBe(false);
  });

  it('builds one item per partner × situation, highest priority first, with skills and a rationale', () => {
    const plan = LearningPlan.request(completedProfile({ proficiency: 'advanced' }), catalog);
    plan.build(catalog, t1);
    expect(plan.status).toBe('ready');
    expect(plan.generatedAt).toEqual(t1);
    expect(
      plan.items.map((item) => [
        item.position,
        item.partner.id,
        item.situation.name,
        item.situation.isCustom,
      ]),
    ).toEqual([
      [1, 'suppliers', 'Negotiations', false],
      [2, 'suppliers', 'Phone Calls', false],
      [3, 'colleagues', 'Training Sessions', false],
      [4, 'colleagues', 'Morning kitchen huddle', true],
    ]);
    const [first, , , custom] = plan.items;
    expect(first.skills).toEqual([
      'making and countering offers',
      'conditional language for trade-offs',
      'summarising agreements',
      'firm but cooperative language with suppliers',
      'nuance, tone and persuasion',
    ]);
    expect(first.rationale).toBe(
      'As an Executive Chef in Hotels & Hospitality, you speak English with suppliers in negotiations: ' +
        'this practice trains making and countering offers and conditional language for trade-offs.',
    );
    expect(custom.skills[0]).toBe('key vocabulary for the situation');
    expect(custom.rationale).toContain('in "Morning kitchen huddle"');
  });

  it('names a custom role in the rationale and is the same when built twice', () => {
    const plan = LearningPlan.request(completedProfile({ customRole: true }), catalog);
    plan.build(catalog, t1);
    const first = plan.snapshot().items;
    plan.build(catalog, t1);
    expect(plan.snapshot().items).toEqual(first);
    expect(plan.items[0].rationale).toMatch(/^As a Spa Manager in Hotels & Hospitality,/);
  });

  it('captures the answers at completion: later changes to the profile do not leak in', () => {
    const profile = completedProfile();
    const plan = LearningPlan.request(profile, catalog);
    profile.choosePartners(['clients'], catalog, t1);
    plan.build(catalog, t1);
    expect(new Set(plan.items.map((item) => item.partner.id))).toEqual(new Set(['suppliers', 'colleagues']));
  });
});
