import { OnboardingProfileRepository } from '../../libs/onboarding/src/application/ports/onboarding-profile.repository';
import { StaleOnboardingProfileError } from '../../libs/onboarding/src/domain/onboarding.errors';
import { ReferenceDataRepository } from '../../libs/onboarding/src/application/ports/reference-data.repository';
import { UnitOfWork } from '@fluentpro/shared';
import { createOnboardingTestApp, onboarding, OnboardingTestApp, signUpLearner } from '../support/onboarding';

const ALL_PARTNERS = [
  'clients',
  'senior_management',
  'suppliers',
  'customers',
  'colleagues',
  'stakeholders',
  'partners',
];
const SITUATIONS = [
  'negotiations',
  'meetings',
  'phone_calls',
  'presentations',
  'briefings',
  'interviews',
  'status_updates',
];

describe('Concurrent updates of one learner’s onboarding', () => {
  let t: OnboardingTestApp;

  beforeAll(async () => {
    t = await createOnboardingTestApp();
  });
  afterAll(() => t.close());

  it('never lose an answer: seven partners’ situations saved at once all stay', async () => {
    const { token } = await signUpLearner(t);
    await onboarding(t, 'PUT', 'communication-partners/', { token, body: { partner_ids: ALL_PARTNERS } });
    for (let round = 0; round < 3; round += 1) {
      const responses = await Promise.all(
        ALL_PARTNERS.map((partner, index) =>
          onboarding(t, 'PUT', `communication-partners/${partner}/situations/`, {
            token,
            body: { situation_ids: [SITUATIONS[(index + round) % SITUATIONS.length]] },
          }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(ALL_PARTNERS.map(() => 200));
      const progress = (await onboarding(t, 'GET', '', { token })).body;
      expect(
        progress.communication_partners.map((p: { id: string; situations: { id: string }[] }) => [
          p.id,
          p.situations.map((s) => s.id),
        ]),
      ).toEqual(
        ALL_PARTNERS.map((partner, index) => [partner, [SITUATIONS[(index + round) % SITUATIONS.length]]]),
      );
    }
  });

  it('never lose an answer across different steps sent at once', async () => {
    const { token } = await signUpLearner(t);
    const responses = await Promise.all([
      onboarding(t, 'PUT', 'native-language/', { token, body: { native_language: 'chinese_simplified' } }),
      onboarding(t, 'PUT', 'industry/', { token, body: { industry: 'real_estate' } }),
      onboarding(t, 'PUT', 'communication-partners/', {
        token,
        body: { partner_ids: ['customers', 'colleagues'] },
      }),
      onboarding(t, 'PUT', 'learning-preferences/', {
        token,
        body: { proficiency_level: 'advanced', goals: ['Negotiate in English'], daily_minutes: 30 },
      }),
      onboarding(t, 'GET', '', { token }),
    ]);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    const progress = (await onboarding(t, 'GET', '', { token })).body;
    expect(progress).toMatchObject({
      native_language: 'chinese_simplified',
      industry: 'real_estate',
      learning_preferences: { proficiency_level: 'advanced', daily_minutes: 30 },
    });
    expect(progress.communication_partners.map((p: { id: string }) => p.id)).toEqual([
      'customers',
      'colleagues',
    ]);
  });

  it('a save from a stale load is refused (optimistic version check)', async () => {
    const { token, userId } = await signUpLearner(t);
    await onboarding(t, 'GET', '', { token });
    const repository = t.app.get(OnboardingProfileRepository);
    const unitOfWork = t.app.get(UnitOfWork);
    const catalog = await t.app.get(ReferenceDataRepository).catalog();
    const first = (await repository.findByUserId(userId))!;
    const second = (await repository.findByUserId(userId))!;
    first.chooseNativeLanguage('english', catalog, new Date());
    second.chooseIndustry('banking_finance', catalog, new Date());
    await unitOfWork.run(() => repository.save(first));
    await expect(unitOfWork.run(() => repository.save(second))).rejects.toBeInstanceOf(
      StaleOnboardingProfileError,
    );
    const stored = (await repository.findByUserId(userId))!;
    expect(stored.snapshot()).toMatchObject({
      nativeLanguageId: 'english',
      industryId: null,
      version: first.version + 1,
    });
  });
});
