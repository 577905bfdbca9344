import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AUTHENTICATION_EVENTS,
  createIntegrationEvent,
  EventDispatcher,
  EventOutbox,
  ONBOARDING_EVENTS,
  OutboxRelay,
  UnitOfWork,
} from '@fluentpro/shared';
import { createTestWorker, eventsTestConfig, REDIS_URL } from '../support/events-context';
import { waitFor } from '../support/wait-for';
import {
  answerRequiredSteps,
  createOnboardingTestApp,
  onboarding,
  OnboardingTestApp,
  signUpLearner,
} from '../support/onboarding';

/**
 * The API and, with REDIS_URL, a worker on its database and queues (its own relay off: the API's
 * relay, or the test, moves the outbox), as `npm run start:worker` would run beside it.
 */
async function startWithWorker(
  overrides: Record<string, string> = {},
): Promise<{ t: OnboardingTestApp; stop: () => Promise<void> }> {
  const t = await createOnboardingTestApp(overrides);
  const worker: INestApplicationContext | undefined = REDIS_URL
    ? await createTestWorker(
        eventsTestConfig({
          ...t.database.env,
          QUEUE_PREFIX: t.config.env.QUEUE_PREFIX,
          OUTBOX_RELAY_ENABLED: 'false',
        }),
      )
    : undefined;
  return {
    t,
    stop: async () => {
      await worker?.close();
      await t.close();
    },
  };
}

/**
 * The real outbox: the API's relay is off, so a test decides when events move (`deliver`). Embedded,
 * the relay then runs the handlers in-process; with REDIS_URL it publishes to BullMQ and a worker
 * (started here, as `npm run start:worker` would) consumes the queue and builds the plan.
 */
describe('From sign-up through completion to a ready learning plan', () => {
  let t: OnboardingTestApp;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ t, stop } = await startWithWorker({ OUTBOX_RELAY_ENABLED: 'false' }));
  });
  afterAll(() => stop());

  const placeholder = (index: number) => (t.database.kind === 'postgres' ? `$${index}` : '?');

  /** Moves every pending outbox row on (to the in-process handlers, or to BullMQ for the worker). */
  const deliver = async () => {
    while (await t.app.get(OutboxRelay).relayBatch()) {
      // full batches: go on
    }
  };

  const planStatus = async (token: string) =>
    (await onboarding(t, 'GET', 'learning-plan/', { token })).body.status;
  const waitForReadyPlan = (token: string) =>
    waitFor(async () => (await planStatus(token)) === 'ready', { what: 'the learning plan to be ready' });

  /** The onboarding.completed events in the outbox for this learner, oldest first. */
  const completedEvents = async (userId: string) => {
    const rows: {
      event_id: string;
      payload: string | object;
      correlation_id: string | null;
      occurred_at: unknown;
    }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT "event_id", "payload", "correlation_id", "occurred_at" FROM "outbox_messages" WHERE "event_type" = ${placeholder(1)} ORDER BY "position"`,
        [ONBOARDING_EVENTS.completed],
      );
    return rows
      .map((row) => ({
        ...row,
        payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as {
          userId: string;
          completedAt: string;
        },
      }))
      .filter((row) => row.payload.userId === userId);
  };

  const profileRows = (userId: string) =>
    t.app
      .get(DataSource)
      .query(`SELECT "user_id" FROM "onboarding_profiles" WHERE "user_id" = ${placeholder(1)}`, [userId]);

  it('authentication.user-registered.v1 creates the onboarding profile, idempotently', async () => {
    const learner = await signUpLearner(t);
    expect(await profileRows(learner.userId)).toHaveLength(0);
    const event = createIntegrationEvent(AUTHENTICATION_EVENTS.userRegistered, {
      userId: learner.userId,
      email: 'someone@example.com',
      fullName: 'Some One',
      registeredAt: new Date().toISOString(),
    });
    // Through the outbox, then delivered again as a redelivery would be: one profile.
    await t.app.get(UnitOfWork).run(() => t.app.get(EventOutbox).record(event));
    await deliver();
    await waitFor(async () => (await profileRows(learner.userId)).length > 0, { what: 'the profile' });
    await t.app.get(EventDispatcher).dispatch(event, { number: 1, max: 1 });
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
    const events = await completedEvents(learner.userId);
    expect(events).toEqual([
      {
        event_id: expect.any(String),
        correlation_id: 'completion-request-1',
        occurred_at: expect.anything(),
        payload: { userId: learner.userId, completedAt: expect.any(String) },
      },
    ]);

    expect((await onboarding(t, 'GET', 'learning-plan/', { token })).body).toEqual({ status: 'pending' });
    await deliver();
    await waitForReadyPlan(token);
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
    expect(await completedEvents(learner.userId)).toHaveLength(1);

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
    await deliver();
    await waitForReadyPlan(token);
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
    const learner = await signUpLearner(t);
    const { token } = learner;
    await answerRequiredSteps(t, token);
    await onboarding(t, 'POST', 'complete/', { token });
    await onboarding(t, 'PUT', 'native-language/', { token, body: { native_language: 'english' } });
    await onboarding(t, 'PUT', 'communication-partners/', {
      token,
      body: { partner_ids: ['senior_management'] },
    });
    await onboarding(t, 'POST', 'complete/', { token });
    await deliver(); // both events, the older one first
    await waitForReadyPlan(token);
    // With a worker, wait until it has taken both events before judging which plan won.
    await waitFor(
      async () => {
        const rows: unknown[] = await t.app.get(DataSource).query(
          `SELECT "event_id" FROM "processed_events" WHERE "event_id" IN (${(await completedEvents(learner.userId)).map((_, i) => placeholder(i + 1)).join(', ')})`,
          (await completedEvents(learner.userId)).map((event) => event.event_id),
        );
        return rows.length === 2;
      },
      { what: 'both completions to be handled' },
    );
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
});

describe('The learning plan with events flowing on their own (relay on)', () => {
  let t: OnboardingTestApp;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ t, stop } = await startWithWorker());
  });
  afterAll(() => stop());

  it('creates the profile on sign-up and builds the plan after completion without intervention', async () => {
    const { token } = await signUpLearner(t);
    await answerRequiredSteps(t, token);
    expect((await onboarding(t, 'POST', 'complete/', { token })).status).toBe(200);
    await waitFor(
      async () => (await onboarding(t, 'GET', 'learning-plan/', { token })).body.status === 'ready',
      {
        what: 'the learning plan to be ready',
      },
    );
  });
});
