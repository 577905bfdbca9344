import { DataSource } from 'typeorm';
import { LexicalRoleMatcher } from '../../libs/onboarding/src/infrastructure/matching/lexical/lexical-role-matcher';
import { roleText } from '../../libs/onboarding/src/infrastructure/matching/embeddings/embeddings-role-matcher';
import { OpenAiEmbeddingsClient } from '../../libs/onboarding/src/infrastructure/matching/embeddings/openai-embeddings.client';
import { REFERENCE_DATA_V1 } from '../../libs/onboarding/src/infrastructure/persistence/migrations/reference-data.v1';
import { EmbeddingsStandIn, standInEmbedding } from '../support/embeddings-stand-in';
import { createOnboardingTestApp, onboarding, OnboardingTestApp, signUpLearner } from '../support/onboarding';

const JOB = {
  job_title: 'Lobby Guest Services',
  job_description:
    'Guests ask me to book restaurants, tours and show tickets and to arrange a limousine to the airport.',
};
const HOSPITALITY_ROLES = REFERENCE_DATA_V1.roles.filter((role) => role.industryId === 'hotels_hospitality');

const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);

/** What the lexical matcher answers for JOB (the fallback must answer exactly this). */
async function lexicalAnswer() {
  const matches = await new LexicalRoleMatcher().match({
    jobTitle: JOB.job_title,
    jobDescription: JOB.job_description,
    industryId: 'hotels_hospitality',
    candidates: REFERENCE_DATA_V1.roles.map((role) => ({ ...role, isCustom: false })),
    limit: 5,
  });
  return matches.map((m) => ({ id: m.role.id, relevance_score: Math.round(m.score * 10_000) / 10_000 }));
}

describe('Role matching through an OpenAI-compatible embeddings API (local stand-in server)', () => {
  const standIn = new EmbeddingsStandIn();
  let t: OnboardingTestApp;
  let token: string;

  beforeAll(async () => {
    const url = await standIn.start();
    t = await createOnboardingTestApp({
      EMBEDDINGS_URL: url,
      EMBEDDINGS_API_KEY: 'test-key',
      EMBEDDINGS_MODEL: 'stand-in-model',
      EMBEDDINGS_TIMEOUT_MS: '300',
    });
    ({ token } = await signUpLearner(t));
    await onboarding(t, 'PUT', 'industry/', { token, body: { industry: 'hotels_hospitality' } });
  });
  afterAll(async () => {
    await t.close();
    await standIn.stop();
  });
  beforeEach(() => {
    standIn.behaviour = 'ok';
    standIn.requests.length = 0;
  });

  const match = () => onboarding(t, 'POST', 'role-matches/', { token, body: JOB });

  it('ranks by cosine similarity of the stand-in vectors and stores the role vectors beside the roles', async () => {
    const response = await match();
    expect(response.status).toBe(200);
    expect(standIn.requests).toHaveLength(1);
    const [request] = standIn.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/embeddings',
      authorization: 'Bearer test-key',
    });
    expect(request.body.model).toBe('stand-in-model');
    expect(request.body.input).toHaveLength(1 + HOSPITALITY_ROLES.length);
    expect(request.body.input![0]).toBe(`${JOB.job_title}. ${JOB.job_description}`);

    const queryVector = standInEmbedding(request.body.input![0]);
    const expected = HOSPITALITY_ROLES.map((role) => ({
      id: role.id,
      score: Math.max(0, cosine(queryVector, standInEmbedding(roleText({ ...role, isCustom: false })))),
    }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 5);
    expect(response.body.matches.map((m: { id: string }) => m.id)).toEqual(expected.map((e) => e.id));
    expect(response.body.matches[0].id).toBe('concierge');
    response.body.matches.forEach((m: { relevance_score: number }, index: number) =>
      expect(m.relevance_score).toBeCloseTo(expected[index].score, 3),
    );

    const stored: { role_id: string; model: string }[] = await t.app
      .get(DataSource)
      .query('SELECT "role_id", "model" FROM "onboarding_role_vectors"');
    expect(stored.map((row) => row.role_id).sort()).toEqual(HOSPITALITY_ROLES.map((role) => role.id).sort());
    expect(new Set(stored.map((row) => row.model))).toEqual(new Set(['stand-in-model']));
  });

  it('embeds only the query once the role vectors are stored, and a new custom role once', async () => {
    await match();
    expect(standIn.requests.at(-1)!.body.input).toHaveLength(1);

    await onboarding(t, 'PUT', 'role/', {
      token,
      body: {
        custom_title: 'Airport Transfer Desk',
        custom_description: 'I arrange limousine and airport transfers for guests.',
      },
    });
    const response = await match();
    expect(standIn.requests.at(-1)!.body.input).toEqual([
      `${JOB.job_title}. ${JOB.job_description}`,
      'Airport Transfer Desk. I arrange limousine and airport transfers for guests.',
    ]);
    expect(response.body.matches.some((m: { is_custom: boolean }) => m.is_custom)).toBe(true);
    await match();
    expect(standIn.requests.at(-1)!.body.input).toHaveLength(1);
  });

  it.each(['error', 'malformed'] as const)(
    'falls back to the lexical matcher when the API answers %s',
    async (behaviour) => {
      const { token: fresh } = await signUpLearner(t);
      await onboarding(t, 'PUT', 'industry/', { token: fresh, body: { industry: 'hotels_hospitality' } });
      standIn.behaviour = behaviour;
      const response = await onboarding(t, 'POST', 'role-matches/', { token: fresh, body: JOB });
      expect(response.status).toBe(200);
      expect(standIn.requests).toHaveLength(1);
      expect(
        response.body.matches.map((m: { id: string; relevance_score: number }) => ({
          id: m.id,
          relevance_score: m.relevance_score,
        })),
      ).toEqual(await lexicalAnswer());
    },
  );

  it('falls back to the lexical matcher when the API does not answer within the timeout', async () => {
    const { token: fresh } = await signUpLearner(t);
    await onboarding(t, 'PUT', 'industry/', { token: fresh, body: { industry: 'hotels_hospitality' } });
    standIn.behaviour = 'slow';
    const started = Date.now();
    const response = await onboarding(t, 'POST', 'role-matches/', { token: fresh, body: JOB });
    const elapsed = Date.now() - started;
    expect(response.status).toBe(200);
    expect(elapsed).toBeLessThan(standIn.slowMs - 500);
    expect(response.body.matches.map((m: { id: string }) => m.id)).toEqual(
      (await lexicalAnswer()).map((m) => m.id),
    );
  });

  it('the client sends no Authorization header without a key, and reports failures as errors', async () => {
    const client = new OpenAiEmbeddingsClient({
      url: (t.config.env.EMBEDDINGS_URL as string) + '/',
      model: 'stand-in-model',
      timeoutMs: 1000,
    });
    const vectors = await client.embed(['hello world', 'front desk']);
    expect(vectors).toHaveLength(2);
    expect(standIn.requests.at(-1)).toMatchObject({ path: '/v1/embeddings', authorization: undefined });
    standIn.behaviour = 'error';
    await expect(client.embed(['x'])).rejects.toThrow('HTTP 500');
  });
});
