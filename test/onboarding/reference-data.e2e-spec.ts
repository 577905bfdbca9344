import { DataSource } from 'typeorm';
import { createOnboardingTestApp, onboarding, OnboardingTestApp } from '../support/onboarding';

/** Every title ONBOARDING.md lists, per industry. */
const LISTED_TITLES: Record<string, string[]> = {
  banking_finance: [
    'Financial Analyst',
    'Credit Analyst',
    'Loan Officer',
    'Relationship Manager',
    'Investment Banker',
    'Portfolio Manager',
    'Risk Manager',
    'Compliance Officer',
    'Branch Manager',
    'Treasury Analyst',
    'Wealth Management Advisor',
    'Internal Auditor',
  ],
  shipping_logistics: [
    'Logistics Coordinator',
    'Freight Forwarder',
    'Supply Chain Manager',
    'Warehouse Supervisor',
    'Customs Broker',
    'Fleet Manager',
    'Chartering Manager',
    'Port Operations Supervisor',
    'Procurement Specialist',
    'Shipping Operations Manager',
    'Import/Export Clerk',
  ],
  real_estate: [
    'Real Estate Agent',
    'Property Manager',
    'Leasing Consultant',
    'Real Estate Appraiser',
    'Facilities Manager',
    'Development Manager',
    'Asset Manager',
    'Real Estate Investment Analyst',
    'Mortgage Advisor',
    'Sales Director',
  ],
  hotels_hospitality: [
    'Front Office Manager',
    'Guest Relations Officer',
    'Hotel General Manager',
    'Concierge',
    'Revenue Manager',
    'Events Coordinator',
    'Food and Beverage Manager',
    'Housekeeping Supervisor',
    'Sales and Marketing Manager',
    'Reservations Agent',
    'Executive Chef',
  ],
};

describe('Onboarding reference data (public, cacheable)', () => {
  let t: OnboardingTestApp;

  beforeAll(async () => {
    t = await createOnboardingTestApp();
  });
  afterAll(() => t.close());

  it('lists the native languages', async () => {
    const response = await onboarding(t, 'GET', 'languages/');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      languages: [
        { id: 'english', name: 'English', native_name: 'English' },
        { id: 'chinese_traditional', name: 'Traditional Chinese', native_name: '繁體中文' },
        { id: 'chinese_simplified', name: 'Simplified Chinese', native_name: '简体中文' },
      ],
    });
  });

  it('lists the industries with their role counts', async () => {
    const response = await onboarding(t, 'GET', 'industries/');
    expect(response.status).toBe(200);
    expect(
      response.body.industries.map((i: { id: string; name: string; role_count: number }) => [
        i.id,
        i.name,
        i.role_count,
      ]),
    ).toEqual([
      ['banking_finance', 'Banking & Finance', 12],
      ['shipping_logistics', 'Shipping & Logistics', 11],
      ['real_estate', 'Real Estate', 10],
      ['hotels_hospitality', 'Hotels & Hospitality', 11],
    ]);
    for (const industry of response.body.industries) expect(industry.description.length).toBeGreaterThan(10);
  });

  it('lists the communication partners and the situations with descriptions', async () => {
    const partners = await onboarding(t, 'GET', 'communication-partners/');
    expect(partners.status).toBe(200);
    expect(
      partners.body.communication_partners.map((p: { id: string; name: string }) => `${p.id}:${p.name}`),
    ).toEqual([
      'clients:Clients',
      'senior_management:Senior Management',
      'suppliers:Suppliers',
      'customers:Customers',
      'colleagues:Colleagues',
      'stakeholders:Stakeholders',
      'partners:Partners',
    ]);
    const situations = await onboarding(t, 'GET', 'situations/');
    expect(situations.status).toBe(200);
    expect(situations.body.situations.map((s: { id: string }) => s.id)).toEqual([
      'interviews',
      'conflict_resolution',
      'phone_calls',
      'one_on_ones',
      'feedback_sessions',
      'team_discussions',
      'negotiations',
      'status_updates',
      'informal_chats',
      'briefings',
      'meetings',
      'presentations',
      'training_sessions',
      'client_conversations',
      'video_conferences',
    ]);
    for (const item of [...partners.body.communication_partners, ...situations.body.situations])
      expect(item.description).toEqual(expect.any(String));
  });

  it('lists the hierarchy and proficiency levels', async () => {
    const hierarchy = await onboarding(t, 'GET', 'hierarchy-levels/');
    expect(hierarchy.body.hierarchy_levels.map((l: { id: string }) => l.id)).toEqual([
      'associate',
      'supervisor',
      'manager',
      'director',
      'executive',
    ]);
    const proficiency = await onboarding(t, 'GET', 'proficiency-levels/');
    expect(proficiency.body.proficiency_levels.map((l: { id: string }) => l.id)).toEqual([
      'beginner',
      'elementary',
      'intermediate',
      'upper_intermediate',
      'advanced',
    ]);
  });

  it('seeds every listed role with a 2–4 sentence description and keywords', async () => {
    const rows: { title: string; industry_id: string; description: string; keywords: string }[] = await t.app
      .get(DataSource)
      .query('SELECT "title", "industry_id", "description", "keywords" FROM "onboarding_roles"');
    for (const [industry, titles] of Object.entries(LISTED_TITLES)) {
      expect(
        rows
          .filter((row) => row.industry_id === industry)
          .map((row) => row.title)
          .sort(),
      ).toEqual([...titles].sort());
    }
    for (const row of rows) {
      const sentences = row.description.split(/(?<=\.)\s+/).filter(Boolean);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(4);
      expect((JSON.parse(row.keywords) as string[]).length).toBeGreaterThanOrEqual(5);
    }
  });

  it.each([
    'languages',
    'industries',
    'communication-partners',
    'situations',
    'hierarchy-levels',
    'proficiency-levels',
  ])(
    '%s: Cache-Control and ETag, 304 on If-None-Match, the same without the trailing slash',
    async (path) => {
      const first = await onboarding(t, 'GET', `${path}/`);
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('public, max-age=3600');
      expect(first.headers['content-type']).toMatch(/^application\/json/);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);

      const again = await onboarding(t, 'GET', path);
      expect(again.status).toBe(200);
      expect(again.headers.etag).toBe(etag);
      expect(again.body).toEqual(first.body);

      for (const ifNoneMatch of [etag, `W/${etag}`, `"something-else", ${etag}`, '*']) {
        const cached = await onboarding(t, 'GET', `${path}/`, { headers: { 'if-none-match': ifNoneMatch } });
        expect(cached.status).toBe(304);
        expect(cached.body).toBe('');
        expect(cached.headers.etag).toBe(etag);
        expect(cached.headers['cache-control']).toBe('public, max-age=3600');
      }
      const stale = await onboarding(t, 'GET', `${path}/`, { headers: { 'if-none-match': '"stale"' } });
      expect(stale.status).toBe(200);
    },
  );

  it('gives each list its own ETag', async () => {
    const tags = new Set<unknown>();
    for (const path of ['languages/', 'industries/', 'communication-partners/', 'situations/'])
      tags.add((await onboarding(t, 'GET', path)).headers.etag);
    expect(tags.size).toBe(4);
  });

  it('documents every onboarding route in the OpenAPI document', async () => {
    const document = await t.request({ method: 'GET', url: '/api/docs-json' });
    expect(document.status).toBe(200);
    const paths = Object.keys(document.body.paths).filter((path) => path.startsWith('/api/v1/onboarding'));
    expect(paths.sort()).toEqual(
      [
        '/api/v1/onboarding',
        '/api/v1/onboarding/languages',
        '/api/v1/onboarding/industries',
        '/api/v1/onboarding/communication-partners',
        '/api/v1/onboarding/situations',
        '/api/v1/onboarding/hierarchy-levels',
        '/api/v1/onboarding/proficiency-levels',
        '/api/v1/onboarding/native-language',
        '/api/v1/onboarding/industry',
        '/api/v1/onboarding/role-matches',
        '/api/v1/onboarding/role',
        '/api/v1/onboarding/communication-partners/{partnerId}/situations',
        '/api/v1/onboarding/learning-preferences',
        '/api/v1/onboarding/summary',
        '/api/v1/onboarding/complete',
        '/api/v1/onboarding/learning-plan',
        '/api/v1/onboarding/reset',
      ].sort(),
    );
    expect(document.body.paths['/api/v1/onboarding/complete'].post.responses['400']).toBeDefined();
  });
});
