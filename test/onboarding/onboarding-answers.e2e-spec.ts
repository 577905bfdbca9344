import {
  answerRequiredSteps,
  createOnboardingTestApp,
  Learner,
  onboarding,
  OnboardingTestApp,
  signUpLearner,
} from '../support/onboarding';

describe('Onboarding answers: every step, its clean-ups and its errors', () => {
  let t: OnboardingTestApp;

  beforeAll(async () => {
    t = await createOnboardingTestApp();
  });
  afterAll(() => t.close());

  const progressOf = async (learner: Learner) =>
    (await onboarding(t, 'GET', '', { token: learner.token })).body;

  describe('authentication', () => {
    const protectedRoutes: [method: 'GET' | 'PUT' | 'POST', path: string][] = [
      ['GET', ''],
      ['PUT', 'native-language/'],
      ['PUT', 'industry/'],
      ['POST', 'role-matches/'],
      ['PUT', 'role/'],
      ['PUT', 'communication-partners/'],
      ['PUT', 'communication-partners/clients/situations/'],
      ['PUT', 'learning-preferences/'],
      ['GET', 'summary/'],
      ['POST', 'complete/'],
      ['GET', 'learning-plan/'],
      ['POST', 'reset/'],
    ];

    it.each(protectedRoutes)('%s %s answers 401 without a token or with a bad one', async (method, path) => {
      const anonymous = await onboarding(t, method, path, { body: method === 'GET' ? undefined : {} });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      const forged = await onboarding(t, method, path, {
        token: 'not-a-jwt',
        body: method === 'GET' ? undefined : {},
      });
      expect(forged.status).toBe(401);
    });
  });

  it('creates the profile on first access, at the first step', async () => {
    const learner = await signUpLearner(t);
    const response = await onboarding(t, 'GET', '', { token: learner.token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      current_step: 'native_language',
      next_step: 'industry',
      completed_steps: [],
      progress_percentage: 0,
      is_complete: false,
      native_language: null,
      industry: null,
      role: null,
      communication_partners: [],
      learning_preferences: null,
    });
    const withoutSlash = await t.request({ method: 'GET', url: '/api/v1/onboarding', token: learner.token });
    expect(withoutSlash.body).toEqual(response.body);
  });

  it('accepts the steps in any order', async () => {
    const learner = await signUpLearner(t);
    const partners = await onboarding(t, 'PUT', 'communication-partners/', {
      token: learner.token,
      body: { partner_ids: ['colleagues'] },
    });
    expect(partners.status).toBe(200);
    expect(partners.body).toMatchObject({
      current_step: 'native_language',
      completed_steps: ['communication_partners'],
    });
    const language = await onboarding(t, 'PUT', 'native-language', {
      token: learner.token,
      body: { native_language: 'chinese_simplified' },
    });
    expect(language.body).toMatchObject({
      current_step: 'industry',
      next_step: 'role',
      completed_steps: ['native_language', 'communication_partners'],
      progress_percentage: 33,
      native_language: 'chinese_simplified',
    });
  });

  describe('native language and industry', () => {
    it('reject unknown ids with the field and its valid values, and change nothing', async () => {
      const learner = await signUpLearner(t);
      const language = await onboarding(t, 'PUT', 'native-language/', {
        token: learner.token,
        body: { native_language: 'klingon' },
      });
      expect(language.status).toBe(400);
      expect(language.body).toMatchObject({
        error: 'Validation failed',
        details: {
          native_language: [
            '"klingon" is not a valid native language. Valid values: english, chinese_traditional, chinese_simplified.',
          ],
        },
      });
      const industry = await onboarding(t, 'PUT', 'industry/', {
        token: learner.token,
        body: { industry: 'mining' },
      });
      expect(industry.status).toBe(400);
      expect(industry.body.details.industry[0]).toBe(
        '"mining" is not a valid industry. Valid values: banking_finance, shipping_logistics, real_estate, hotels_hospitality.',
      );
      expect(await progressOf(learner)).toMatchObject({
        native_language: null,
        industry: null,
        completed_steps: [],
      });
    });

    it('reject a missing or non-string field', async () => {
      const learner = await signUpLearner(t);
      const missing = await onboarding(t, 'PUT', 'native-language/', { token: learner.token, body: {} });
      expect(missing.status).toBe(400);
      expect(missing.body.details).toEqual({ native_language: ['This field is required.'] });
      const number = await onboarding(t, 'PUT', 'industry/', { token: learner.token, body: { industry: 7 } });
      expect(number.status).toBe(400);
      expect(number.body.details).toEqual({ industry: ['Not a valid string.'] });
    });
  });

  describe('role', () => {
    it('needs an industry first (409)', async () => {
      const learner = await signUpLearner(t);
      const response = await onboarding(t, 'PUT', 'role/', {
        token: learner.token,
        body: { role_id: 'credit_analyst' },
      });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ error: 'Industry required', message: expect.any(String) });
    });

    it('accepts a catalog role of the industry only, listing the valid ones', async () => {
      const learner = await signUpLearner(t);
      await onboarding(t, 'PUT', 'industry/', {
        token: learner.token,
        body: { industry: 'shipping_logistics' },
      });
      const wrong = await onboarding(t, 'PUT', 'role/', {
        token: learner.token,
        body: { role_id: 'credit_analyst' },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.details.role_id[0]).toMatch(
        /^"credit_analyst" is not a valid role for industry "shipping_logistics"\. Valid values: logistics_coordinator, freight_forwarder, /,
      );
      const right = await onboarding(t, 'PUT', 'role/', {
        token: learner.token,
        body: { role_id: 'customs_broker' },
      });
      expect(right.status).toBe(200);
      expect(right.body.role).toEqual({
        id: 'customs_broker',
        title: 'Customs Broker',
        is_custom: false,
        hierarchy_level: 'associate',
      });
      expect(right.body.completed_steps).toEqual(['industry', 'role']);
    });

    it('accepts a custom role, which is the learner’s own and is offered to nobody else', async () => {
      const owner = await signUpLearner(t);
      const other = await signUpLearner(t);
      for (const learner of [owner, other])
        await onboarding(t, 'PUT', 'industry/', {
          token: learner.token,
          body: { industry: 'banking_finance' },
        });
      const created = await onboarding(t, 'PUT', 'role/', {
        token: owner.token,
        body: {
          custom_title: 'Trade Finance Officer',
          custom_description: 'I check letters of credit and bank guarantees for importers.',
          hierarchy_level: 'supervisor',
        },
      });
      expect(created.status).toBe(200);
      expect(created.body.role).toMatchObject({
        title: 'Trade Finance Officer',
        is_custom: true,
        hierarchy_level: 'supervisor',
      });
      const customId: string = created.body.role.id;

      const ownMatches = await onboarding(t, 'POST', 'role-matches/', {
        token: owner.token,
        body: {
          job_title: 'Trade Finance Officer',
          job_description: 'I check letters of credit for importers.',
        },
      });
      expect(ownMatches.body.matches[0]).toMatchObject({
        id: customId,
        is_custom: true,
        industry: 'banking_finance',
      });
      const otherMatches = await onboarding(t, 'POST', 'role-matches/', {
        token: other.token,
        body: {
          job_title: 'Trade Finance Officer',
          job_description: 'I check letters of credit for importers.',
        },
      });
      expect(otherMatches.status).toBe(200);
      expect(otherMatches.body.matches.map((m: { id: string }) => m.id)).not.toContain(customId);
      const stolen = await onboarding(t, 'PUT', 'role/', { token: other.token, body: { role_id: customId } });
      expect(stolen.status).toBe(400);
      expect(stolen.body.details.role_id[0].split('Valid values:')[1]).not.toContain(customId);
    });

    it('rejects ambiguous, empty and invalid role bodies with field details', async () => {
      const learner = await signUpLearner(t);
      await onboarding(t, 'PUT', 'industry/', { token: learner.token, body: { industry: 'real_estate' } });
      const both = await onboarding(t, 'PUT', 'role/', {
        token: learner.token,
        body: {
          role_id: 'property_manager',
          custom_title: 'Estate Officer',
          custom_description: 'Looking after estates.',
        },
      });
      expect(both.status).toBe(400);
      expect(both.body.details.role_id).toEqual([
        'Send either role_id, or custom_title and custom_description; not both.',
      ]);
      const neither = await onboarding(t, 'PUT', 'role/', { token: learner.token, body: {} });
      expect(neither.status).toBe(400);
      expect(Object.keys(neither.body.details)).toEqual(['role_id']);
      const half = await onboarding(t, 'PUT', 'role/', {
        token: learner.token,
        body: { custom_title: 'Estate Officer' },
      });
      expect(half.body.details).toEqual({ custom_description: ['This field is required.'] });
      const invalid = await onboarding(t, 'PUT', 'role/', {
        token: learner.token,
        body: { custom_title: 'E', custom_description: 'short', hierarchy_level: 'boss' },
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.details).toEqual({
        custom_title: ['Custom title must be between 2 and 200 characters.'],
        custom_description: ['Custom description must be between 10 and 1000 characters.'],
        hierarchy_level: [
          '"boss" is not a valid hierarchy level. Valid values: associate, supervisor, manager, director, executive.',
        ],
      });
      expect((await progressOf(learner)).role).toBeNull();
    });

    it('is cleared when the industry changes to another one', async () => {
      const learner = await signUpLearner(t);
      await onboarding(t, 'PUT', 'industry/', {
        token: learner.token,
        body: { industry: 'hotels_hospitality' },
      });
      await onboarding(t, 'PUT', 'role/', { token: learner.token, body: { role_id: 'concierge' } });
      const same = await onboarding(t, 'PUT', 'industry/', {
        token: learner.token,
        body: { industry: 'hotels_hospitality' },
      });
      expect(same.body.role).toMatchObject({ id: 'concierge' });
      const changed = await onboarding(t, 'PUT', 'industry/', {
        token: learner.token,
        body: { industry: 'real_estate' },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        industry: 'real_estate',
        role: null,
        current_step: 'native_language',
      });
      expect(changed.body.completed_steps).not.toContain('role');
    });
  });

  describe('communication partners and situations', () => {
    it('keeps partners in priority order and the situations of kept partners; drops those of removed ones', async () => {
      const learner = await signUpLearner(t);
      await onboarding(t, 'PUT', 'communication-partners/', {
        token: learner.token,
        body: { partner_ids: ['clients', 'suppliers'] },
      });
      await onboarding(t, 'PUT', 'communication-partners/clients/situations/', {
        token: learner.token,
        body: { situation_ids: ['negotiations', 'phone_calls'], custom_situations: ['Site visits'] },
      });
      const suppliers = await onboarding(t, 'PUT', 'communication-partners/suppliers/situations', {
        token: learner.token,
        body: { situation_ids: ['meetings'] },
      });
      expect(suppliers.body.completed_steps).toEqual(['communication_partners', 'situations']);
      expect(suppliers.body.communication_partners[0]).toEqual({
        id: 'clients',
        name: 'Clients',
        priority: 1,
        situations: [
          { id: 'negotiations', name: 'Negotiations', priority: 1, is_custom: false },
          { id: 'phone_calls', name: 'Phone Calls', priority: 2, is_custom: false },
          { id: expect.any(String), name: 'Site visits', priority: 3, is_custom: true },
        ],
      });

      const reordered = await onboarding(t, 'PUT', 'communication-partners/', {
        token: learner.token,
        body: { partner_ids: ['colleagues', 'clients'] },
      });
      expect(reordered.status).toBe(200);
      expect(
        reordered.body.communication_partners.map(
          (p: { id: string; priority: number; situations: unknown[] }) => [
            p.id,
            p.priority,
            p.situations.length,
          ],
        ),
      ).toEqual([
        ['colleagues', 1, 0],
        ['clients', 2, 3],
      ]);
      expect(reordered.body.completed_steps).toEqual(['communication_partners']);
      const readded = await onboarding(t, 'PUT', 'communication-partners/', {
        token: learner.token,
        body: { partner_ids: ['colleagues', 'clients', 'suppliers'] },
      });
      expect(readded.body.communication_partners[2]).toMatchObject({ id: 'suppliers', situations: [] });
    });

    it('validates the partner list: 1–7 unique known ids', async () => {
      const learner = await signUpLearner(t);
      const cases: [unknown, Record<string, string[]>][] = [
        [{}, { partner_ids: ['This field is required.'] }],
        [{ partner_ids: 'clients' }, { partner_ids: ['Must be a list of strings.'] }],
        [{ partner_ids: [] }, { partner_ids: ['Must contain at least 1 item.'] }],
        [{ partner_ids: ['clients', 'clients'] }, { partner_ids: ['Items must be unique.'] }],
        [{ partner_ids: ['clients', 3] }, { partner_ids: ['Every item must be a non-empty string.'] }],
        [
          {
            partner_ids: [
              'clients',
              'senior_management',
              'suppliers',
              'customers',
              'colleagues',
              'stakeholders',
              'partners',
              'x',
            ],
          },
          { partner_ids: ['Must contain at most 7 items.'] },
        ],
      ];
      for (const [body, details] of cases) {
        const response = await onboarding(t, 'PUT', 'communication-partners/', {
          token: learner.token,
          body,
        });
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ error: 'Validation failed', details });
      }
      const unknown = await onboarding(t, 'PUT', 'communication-partners/', {
        token: learner.token,
        body: { partner_ids: ['clients', 'aliens'] },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details.partner_ids).toEqual([
        '"aliens" is not a valid communication partner. Valid values: clients, senior_management, suppliers, customers, colleagues, stakeholders, partners.',
      ]);
      expect((await progressOf(learner)).communication_partners).toEqual([]);
    });

    it('answers 404 for the situations of a partner that is not selected', async () => {
      const learner = await signUpLearner(t);
      await onboarding(t, 'PUT', 'communication-partners/', {
        token: learner.token,
        body: { partner_ids: ['clients'] },
      });
      for (const partner of ['suppliers', 'no_such_partner']) {
        const response = await onboarding(t, 'PUT', `communication-partners/${partner}/situations/`, {
          token: learner.token,
          body: { situation_ids: ['meetings'] },
        });
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({
          error: 'Partner not selected',
          message: expect.stringContaining(partner),
        });
      }
    });

    it('validates situations: at least one in all, unique, known', async () => {
      const learner = await signUpLearner(t);
      await onboarding(t, 'PUT', 'communication-partners/', {
        token: learner.token,
        body: { partner_ids: ['clients'] },
      });
      const path = 'communication-partners/clients/situations/';
      const none = await onboarding(t, 'PUT', path, {
        token: learner.token,
        body: { situation_ids: [], custom_situations: [] },
      });
      expect(none.status).toBe(400);
      expect(none.body.details).toEqual({
        situation_ids: ['Choose at least one situation or describe one of your own.'],
      });
      const unknown = await onboarding(t, 'PUT', path, {
        token: learner.token,
        body: { situation_ids: ['meetings', 'karaoke'] },
      });
      expect(unknown.body.details.situation_ids[0]).toMatch(
        /^"karaoke" is not a valid situation\. Valid values: interviews, /,
      );
      const duplicates = await onboarding(t, 'PUT', path, {
        token: learner.token,
        body: { situation_ids: ['meetings'], custom_situations: ['Site visits', 'site VISITS', 'x'] },
      });
      expect(duplicates.status).toBe(400);
      expect(duplicates.body.details.custom_situations).toEqual([
        'Each custom situation must be between 2 and 100 characters.',
        '"site VISITS" is listed more than once.',
      ]);
      expect((await progressOf(learner)).communication_partners[0].situations).toEqual([]);
    });
  });

  describe('learning preferences', () => {
    it('are optional, validated and shown', async () => {
      const learner = await signUpLearner(t);
      const invalid = await onboarding(t, 'PUT', 'learning-preferences/', {
        token: learner.token,
        body: { proficiency_level: 'fluent', goals: ['ok goal', 'x'], daily_minutes: 3 },
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.details).toEqual({
        daily_minutes: ['Must be a whole number between 5 and 240.'],
      });
      const unknownLevel = await onboarding(t, 'PUT', 'learning-preferences/', {
        token: learner.token,
        body: { proficiency_level: 'fluent', goals: ['ok goal', 'x'], daily_minutes: 30 },
      });
      expect(Object.keys(unknownLevel.body.details).sort()).toEqual(['goals', 'proficiency_level']);
      expect(unknownLevel.body.details.proficiency_level[0]).toContain(
        'Valid values: beginner, elementary, intermediate, upper_intermediate, advanced.',
      );
      const valid = await onboarding(t, 'PUT', 'learning-preferences/', {
        token: learner.token,
        body: {
          proficiency_level: 'upper_intermediate',
          goals: ['Lead meetings with confidence'],
          daily_minutes: 20,
        },
      });
      expect(valid.status).toBe(200);
      expect(valid.body.learning_preferences).toEqual({
        proficiency_level: 'upper_intermediate',
        goals: ['Lead meetings with confidence'],
        daily_minutes: 20,
      });
      expect(valid.body.completed_steps).toEqual(['learning_preferences']);
      expect(valid.body.progress_percentage).toBe(0);
    });
  });

  it('summarises every answer with names resolved', async () => {
    const learner = await signUpLearner(t);
    await answerRequiredSteps(t, learner.token);
    await onboarding(t, 'PUT', 'learning-preferences/', {
      token: learner.token,
      body: { proficiency_level: 'intermediate', daily_minutes: 15 },
    });
    const summary = await onboarding(t, 'GET', 'summary/', { token: learner.token });
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      native_language: { id: 'chinese_traditional', name: 'Traditional Chinese', native_name: '繁體中文' },
      industry: { id: 'banking_finance', name: 'Banking & Finance', description: expect.any(String) },
      role: {
        id: 'credit_analyst',
        title: 'Credit Analyst',
        description: expect.stringContaining('creditworthiness'),
        industry: 'banking_finance',
        hierarchy_level: { id: 'associate', name: 'Associate' },
        is_custom: false,
      },
      learning_preferences: {
        proficiency_level: { id: 'intermediate', name: 'Intermediate', description: expect.any(String) },
        goals: [],
        daily_minutes: 15,
      },
      completed_at: null,
      progress: { current_step: 'completed', is_complete: false, progress_percentage: 83 },
    });
    expect(summary.body.communication_partners[0]).toMatchObject({
      id: 'clients',
      name: 'Clients',
      description: expect.any(String),
      priority: 1,
      situations: [
        {
          id: 'negotiations',
          name: 'Negotiations',
          priority: 1,
          is_custom: false,
          description: expect.any(String),
        },
        { id: 'phone_calls', name: 'Phone Calls', priority: 2, is_custom: false },
        { name: 'Explaining loan covenants', priority: 3, is_custom: true, description: null },
      ],
    });
  });

  it('reset brings progress back to the first step', async () => {
    const learner = await signUpLearner(t);
    await answerRequiredSteps(t, learner.token);
    const reset = await onboarding(t, 'POST', 'reset/', { token: learner.token });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({
      current_step: 'native_language',
      completed_steps: [],
      progress_percentage: 0,
      native_language: null,
      industry: null,
      role: null,
      communication_partners: [],
    });
    expect(await progressOf(learner)).toEqual(reset.body);
  });
});
