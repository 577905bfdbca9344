import type { RoleCandidate, RoleMatchQuery } from '../../../application/ports/role-matcher';
import { REFERENCE_DATA_V1 } from '../../persistence/migrations/reference-data.v1';
import { LexicalRoleMatcher } from './lexical-role-matcher';

const catalog: RoleCandidate[] = REFERENCE_DATA_V1.roles.map((role) => ({ ...role, isCustom: false }));

function query(overrides: Partial<RoleMatchQuery>): RoleMatchQuery {
  return {
    jobTitle: 'Officer',
    jobDescription: 'I work in the office.',
    industryId: 'banking_finance',
    candidates: catalog,
    limit: 5,
    ...overrides,
  };
}

describe('LexicalRoleMatcher', () => {
  const matcher = new LexicalRoleMatcher();

  it('ranks best first, at most the limit, with scores in [0, 1]', async () => {
    const matches = await matcher.match(
      query({
        jobTitle: 'Credit Analyst',
        jobDescription:
          'I analyse the financial statements of borrowers and write credit memos with a risk rating.',
      }),
    );
    expect(matches[0].role.id).toBe('credit_analyst');
    expect(matches.length).toBeLessThanOrEqual(5);
    for (const [index, match] of matches.entries()) {
      expect(match.score).toBeGreaterThan(0);
      expect(match.score).toBeLessThanOrEqual(1);
      if (index > 0) expect(match.score).toBeLessThanOrEqual(matches[index - 1].score);
    }
  });

  it('only offers roles of the industry asked for', async () => {
    const matches = await matcher.match(
      query({
        industryId: 'real_estate',
        jobTitle: 'Loan Officer',
        jobDescription: 'I help home buyers choose a mortgage and apply for the loan with the bank.',
      }),
    );
    expect(matches.map((m) => m.role.industryId)).toEqual(matches.map(() => 'real_estate'));
    expect(matches[0].role.id).toBe('mortgage_advisor');
  });

  it('includes the custom roles it is given, ranking them like catalog roles', async () => {
    const custom: RoleCandidate = {
      id: '0f8e7a5c-2d3b-4c1a-9e8f-7a6b5c4d3e2f',
      title: 'Trade Finance Officer',
      description: 'Checks letters of credit, documentary collections and bank guarantees for importers.',
      keywords: [],
      industryId: 'banking_finance',
      hierarchyLevelId: null,
      isCustom: true,
    };
    const matches = await matcher.match(
      query({
        candidates: [...catalog, custom],
        jobTitle: 'Trade Finance Officer',
        jobDescription: 'I check letters of credit and guarantees for our importing clients.',
      }),
    );
    expect(matches[0].role).toEqual(custom);
  });

  it('answers nothing when no word of the description is known', async () => {
    expect(
      await matcher.match(query({ jobTitle: 'Zzz', jobDescription: 'Qwerty uiop asdf ghjkl.' })),
    ).toEqual([]);
    expect(await matcher.match(query({ candidates: [] }))).toEqual([]);
  });

  it('scores how much of the description a role covers: a role covering all of it stands out', async () => {
    const matches = await matcher.match(
      query({
        jobTitle: 'Internal Auditor',
        jobDescription: 'Internal audit of controls, with findings for the audit committee.',
      }),
    );
    expect(matches[0].role.id).toBe('internal_auditor');
    expect(matches[0].score).toBeGreaterThan(0.6);
    expect(matches[1].score).toBeLessThan(matches[0].score / 2);
  });
});
