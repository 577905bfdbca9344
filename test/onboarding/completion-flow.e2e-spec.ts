import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AUTHENTICATION_EVENTS, createIntegrationEvent, ONBOARDING_EVENTS } from '@fluentpro/shared';
import {
  answerRequiredSteps,
  createOnboardingTestApp,
  onboarding,
  OnboardingTestApp,
  signUpLearner,
} from '../support/onboarding';

describe('From sign-up through completion to a ready learning plan', () => {
  let t: OnboardingTestApp;

  beforeAll(async () => {
    t = await createOnboardingTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => {
    t.outbox.mode = 'immediate';
  });

  const profileRows = (userId: string) =>
    t.app
      .get(DataSource)
      .query(
        `SELECT "user_id" FROM "onboarding_profiles" WHERE "user_id" = ${t.database.kind === 'postgres' ? '$1' : '?'}`,
        [userId],
      );

  it('authentication.user-registered.v1 creates the onboarding profile, idempotently', async () => {
    const learner = await signUpLearner(t);
    expect(await profileRows(learner.userId)).toHaveLength(0);
    const event = createIntegrationEvent(AUTHENTICATION_EVENTS.userRegistered, {
      userId: learner.userId,
      email: 'someone@example.com',
      fullName: 'Some One',
      registeredAt: new Date().toISOString(),
    });
    await t.outbox.publish(event);
    await t.outbox.publish({ ...event, id: randomUUID() });
    expect(await profileRows(learner.userId)).toHaveLength(1);
    const progress = await onboarding(t, 'GET', '', { token: learner.token });
    expect(progress.body.current_step).toBe('native_language');
  });

  it('completes, shows the plan pending then ready, and rebuilds it when completed again after a change', async () => {
    const learner = await signUpLearner(t);
    const { token } = learner;

    const early = await onboarding(t, 'POST', 'complete/', { token });
    expect(early.status).toBe(400);
    expect(early.body).toEqual({
      error: 'Onboarding incomplete',
      message: expect.stringContaining('native_language'),
      details: { missing: ['native_language', 'industry', 'role', 'communication_partners', 'situations'] },
      request_id: expect.any(String),
    });
    expect((await onboarding(t, 'GET', 'learning-plan/', { token })).status).toBe(404);

    await answerRequiredSteps(t, token);
    await onboarding(t, 'PUT', 'communication-partners/', {
      token,
      body: { partner_ids: ['clients', 'senior_management', 'colleagues'] },
    });
    const partial = await onboarding(t, 'POST', 'complete/', { token });
    expect(partial.status).toBe(400);
    expect(partial.body.details).toEqual({ missing: ['situations'] });
    expect(partial.body.message).toBe('Answer these steps before completing: situations (for Colleagues)');
    await onboarding(t, 'PUT', 'communication-partners/colleagues/situations/', {
      token,
      body: { situation_ids: ['informal_chats'] },
    });

    t.outbox.mode = 'manual';
    const eventsBefore = t.outbox.committed.length;
    const completed = await onboarding(t, 'POST', 'complete/', {
      token,
      headers: { 'x-request-id': 'completion-request-1' },
    });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({
      is_complete: true,
      current_step: 'completed',
      next_step: null,
      progress_percentage: 100,
    });
    const events = t.outbox.committed.slice(eventsBefore);
    expect(events).toEqual([
      {
        id: expect.any(String),
        type: ONBOARDING_EVENTS.completed,
        occurredAt: expect.any(String),
        correlationId: 'completion-request-1',
        payload: { userId: learner.userId, completedAt: events[0].occurredAt },
      },
    ]);

    expect((await onboarding(t, 'GET', 'learning-plan/', { token })).body).toEqual({ status: 'pending' });
    await t.outbox.deliverPending();
    const ready = await onboarding(t, 'GET', 'learning-plan/', { token });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', generated_at: expect.any(String) });
    expect(
      ready.body.items.map(
        (item: { position: number; partner: { id: string }; situation: { id: string } }) => [
          item.position,
          item.partner.id,
          item.situation.id,
        ],
      ),
    ).toEqual([
      [1, 'clients', 'negotiations'],
      [2, 'clients', 'phone_calls'],
      [3, 'clients', expect.any(String)],
      [4, 'senior_management', 'presentations'],
      [5, 'colleagues', 'informal_chats'],
    ]);
    for (const item of ready.body.items) {
      expect(item.skills.length).toBeGreaterThanOrEqual(3);
      expect(item.rationale).toContain('Credit Analyst in Banking & Finance');
    }

    // Completing again with nothing changed: no new event, the plan stays.
    const again = await onboarding(t, 'POST', 'complete/', { token });
    expect(again.status).toBe(200);
    expect(t.outbox.committed.length).toBe(eventsBefore + 1);

    // A change reopens onboarding; the plan of the last completion stays until the next one.
    const changed = await onboarding(t, 'PUT', 'communication-partners/', {
      token,
      body: { partner_ids: ['senior_management'] },
    });
    expect(changed.body).toMatchObject({ is_complete: false, current_step: 'learning_preferences' });
    expect((await onboarding(t, 'GET', 'learning-plan/', { token })).body).toEqual(ready.body);

    const recompleted = await onboarding(t, 'POST', 'complete/', { token });
    expect(recompleted.body.is_complete).toBe(true);
    expect((await onboarding(t, 'GET', 'learning-plan/', { token })).body).toEqual({ status: 'pending' });
    await t.outbox.deliverPending();
    const rebuilt = await onboarding(t, 'GET', 'learning-plan/', { token });
    expect(rebuilt.body.status).toBe('ready');
    expect(rebuilt.body.generated_at > ready.body.generated_at).toBe(true);
    expect(rebuilt.body.items.map((item: { partner: { id: string } }) => item.partner.id)).toEqual([
      'senior_management',
    ]);

    const summary = await onboarding(t, 'GET', 'summary/', { token });
    expect(summary.body.completed_at).toEqual(expect.any(String));
  });

  it('a superseded completion does not overwrite the newer plan, and reset removes the plan', async () => {
    const { token } = await signUpLearner(t);
    await answerRequiredSteps(t, token);
    t.outbox.mode = 'manual';
    await onboarding(t, 'POST', 'complete/', { token });
    await onboarding(t, 'PUT', 'native-language/', { token, body: { native_language: 'english' } });
    await onboarding(t, 'PUT', 'communication-partners/', {
      token,
      body: { partner_ids: ['senior_management'] },
    });
    await onboarding(t, 'POST', 'complete/', { token });
    await t.outbox.deliverPending(); // both events, the older one first
    const plan = await onboarding(t, 'GET', 'learning-plan/', { token });
    expect(plan.body.items.map((item: { partner: { id: string } }) => item.partner.id)).toEqual([
      'senior_management',
    ]);

    const reset = await onboarding(t, 'POST', 'reset/', { token });
    expect(reset.body).toMatchObject({ current_step: 'native_language', is_complete: false });
    const gone = await onboarding(t, 'GET', 'learning-plan/', { token });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ error: 'Learning plan not found' });
  });

  it('builds the plan without intervention when events flow immediately', async () => {
    const { token } = await signUpLearner(t);
    await answerRequiredSteps(t, token);
    await onboarding(t, 'POST', 'complete/', { token });
    await t.outbox.idle();
    expect((await onboarding(t, 'GET', 'learning-plan/', { token })).body.status).toBe('ready');
  });
});
