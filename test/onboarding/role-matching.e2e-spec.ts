import { createOnboardingTestApp, onboarding, OnboardingTestApp, signUpLearner } from '../support/onboarding';

describe('POST /api/v1/onboarding/role-matches/', () => {
  let t: OnboardingTestApp;
  let token: string;

  beforeAll(async () => {
    t = await createOnboardingTestApp();
    ({ token } = await signUpLearner(t));
  });
  afterAll(() => t.close());

  const match = (body: unknown) => onboarding(t, 'POST', 'role-matches/', { token, body });

  it('answers 409 while the learner has no industry', async () => {
    const response = await match({
      job_title: 'Fund Manager',
      job_description: 'I manage an equity fund for clients.',
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'Industry required', message: expect.any(String) });
  });

  it('validates the title (2–200) and the description (10–1000), all fields at once', async () => {
    await onboarding(t, 'PUT', 'industry/', { token, body: { industry: 'banking_finance' } });
    const missing = await match({});
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual({
      job_title: ['This field is required.'],
      job_description: ['This field is required.'],
    });
    const short = await match({ job_title: 'X', job_description: 'too short' });
    expect(short.body.details).toEqual({
      job_title: ['Job title must be between 2 and 200 characters.'],
      job_description: ['Job description must be between 10 and 1000 characters.'],
    });
    const long = await match({ job_title: 'A'.repeat(201), job_description: 'B'.repeat(1001) });
    expect(Object.keys(long.body.details)).toEqual(['job_title', 'job_description']);
  });

  it('answers at most 5 roles of the learner’s industry, best first, with scores in [0, 1]', async () => {
    const response = await match({
      job_title: 'Fund Manager',
      job_description:
        'I decide which shares and bonds to buy for our Asia fund and explain the performance against the index to investors.',
    });
    expect(response.status).toBe(200);
    const { matches } = response.body;
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.length).toBeLessThanOrEqual(5);
    expect(matches[0]).toEqual({
      id: 'portfolio_manager',
      title: 'Portfolio Manager',
      description: expect.stringContaining('investment portfolios'),
      industry: 'banking_finance',
      hierarchy_level: 'manager',
      relevance_score: expect.any(Number),
      is_custom: false,
    });
    const scores = matches.map((m: { relevance_score: number }) => m.relevance_score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const m of matches) {
      expect(m.industry).toBe('banking_finance');
      expect(m.relevance_score).toBeGreaterThan(0);
      expect(m.relevance_score).toBeLessThanOrEqual(1);
    }
  });

  it('follows the learner’s industry', async () => {
    await onboarding(t, 'PUT', 'industry/', { token, body: { industry: 'hotels_hospitality' } });
    const response = await match({
      job_title: 'Receptionist',
      job_description: 'I check guests in and out at the front desk and answer their questions.',
    });
    expect(response.body.matches[0].id).toBe('front_office_manager');
    expect(new Set(response.body.matches.map((m: { industry: string }) => m.industry))).toEqual(
      new Set(['hotels_hospitality']),
    );
  });

  it('answers an empty list when nothing in the description relates to any role', async () => {
    const response = await match({ job_title: 'Zzzz', job_description: 'Qwerty uiop asdfgh jklzx.' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ matches: [] });
  });

  it('does not change the learner’s answers', async () => {
    const before = (await onboarding(t, 'GET', '', { token })).body;
    await match({
      job_title: 'Concierge',
      job_description: 'I book restaurants and tours for hotel guests.',
    });
    expect((await onboarding(t, 'GET', '', { token })).body).toEqual(before);
  });
});
