import { signUpBody } from './factories';
import { createTestApp, TestApp } from './test-app';

export type OnboardingTestApp = TestApp;

/** The real API (with its real outbox and event delivery) on a fresh database. */
export function createOnboardingTestApp(overrides: Record<string, string> = {}): Promise<OnboardingTestApp> {
  return createTestApp(overrides);
}

type Method = 'GET' | 'POST' | 'PUT';

/** A request to /api/v1/onboarding/<path>. */
export function onboarding(
  t: TestApp,
  method: Method,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return t.request({ method, url: `/api/v1/onboarding/${path}`, ...options });
}

export interface Learner {
  token: string;
  userId: string;
}

/** Signs a new learner up through the authentication API. */
export async function signUpLearner(t: TestApp): Promise<Learner> {
  const response = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body: signUpBody() });
  if (response.status !== 201)
    throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { token: response.body.access_token, userId: response.body.user.id };
}

/** Answers every required step (banking, credit analyst, clients with two situations). */
export async function answerRequiredSteps(t: TestApp, token: string): Promise<void> {
  const steps: { url: string; body: unknown }[] = [
    { url: 'native-language/', body: { native_language: 'chinese_traditional' } },
    { url: 'industry/', body: { industry: 'banking_finance' } },
    { url: 'role/', body: { role_id: 'credit_analyst' } },
    { url: 'communication-partners/', body: { partner_ids: ['clients', 'senior_management'] } },
    {
      url: 'communication-partners/clients/situations/',
      body: {
        situation_ids: ['negotiations', 'phone_calls'],
        custom_situations: ['Explaining loan covenants'],
      },
    },
    {
      url: 'communication-partners/senior_management/situations/',
      body: { situation_ids: ['presentations'] },
    },
  ];
  for (const step of steps) {
    const response = await t.request({
      method: 'PUT',
      url: `/api/v1/onboarding/${step.url}`,
      body: step.body,
      token,
    });
    if (response.status !== 200)
      throw new Error(`${step.url} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
}
