import type { AccountAdministration } from '@fluentpro/authentication';
import type { DeadLetterStore, OnboardingStateQuery } from '@fluentpro/shared';
import { adminRequest } from './admin-request';
import type { AuditDescription, AuditTrail } from './audit-trail';
import { OnboardingFunnelHandler } from './onboarding-funnel/onboarding-funnel.handler';
import { ReplayDeadLetterHandler } from './replay-dead-letter/replay-dead-letter.handler';
import { ViewUserHandler } from './view-user/view-user.handler';

/** What administration shows once onboarding and the dead-letter store bind their ports (at merge). */
const request = adminRequest('admin-1', 'req-1');
const recorded: { action: string; description: AuditDescription }[] = [];
const audit = {
  run: async <T>(_request: unknown, action: string, work: () => Promise<T>, describe = (_: T) => ({})) => {
    const result = await work();
    recorded.push({ action, description: describe(result) });
    return result;
  },
} as unknown as AuditTrail;

const onboarding: OnboardingStateQuery = {
  stateOf: (userId) =>
    Promise.resolve(
      userId === 'started'
        ? {
            currentStep: 'role',
            completedSteps: ['native_language', 'industry'],
            progressPercentage: 33,
            isComplete: false,
          }
        : null,
    ),
  funnel: () =>
    Promise.resolve([
      { step: 'native_language', users: 8 },
      { step: 'industry', users: 6 },
      { step: 'completed', users: 1 },
    ]),
};

const accounts = {
  getUser: (id: string) => Promise.resolve({ user: { id }, sessions: [] }),
  countUsers: () => Promise.resolve(12),
} as unknown as AccountAdministration;

beforeEach(() => recorded.splice(0));

describe('Administration with the optional ports bound', () => {
  it('shows the onboarding state of a learner who started, null for one who has not', async () => {
    const handler = new ViewUserHandler(accounts, audit, onboarding);
    expect((await handler.execute(request, 'started')).onboarding).toMatchObject({
      currentStep: 'role',
      progressPercentage: 33,
    });
    expect((await handler.execute(request, 'fresh')).onboarding).toBeNull();
    expect(recorded.map((entry) => entry.description.target)).toEqual([
      { type: 'user', id: 'started' },
      { type: 'user', id: 'fresh' },
    ]);
  });

  it('turns funnel counts into shares of all registered users', async () => {
    const funnel = await new OnboardingFunnelHandler(accounts, audit, onboarding).execute(request);
    expect(funnel).toEqual({
      total_users: 12,
      steps: [
        { step: 'native_language', users: 8, percentage: 66.7 },
        { step: 'industry', users: 6, percentage: 50 },
        { step: 'completed', users: 1, percentage: 8.3 },
      ],
    });
  });

  it('replays a dead-lettered job through the store and audits it; 404 for an unknown id', async () => {
    const job = {
      id: 'job-1',
      queue: 'onboarding',
      eventType: 'onboarding.completed.v1',
      attempts: 5,
      lastError: 'boom',
      failedAt: '2026-01-01T00:00:00.000Z',
    };
    const store = {
      list: jest.fn(),
      replay: jest.fn((id: string) => Promise.resolve(id === 'job-1' ? job : null)),
    } as unknown as DeadLetterStore;
    const handler = new ReplayDeadLetterHandler(audit, store);
    expect(await handler.execute(request, 'job-1')).toBe(job);
    expect(recorded).toEqual([
      {
        action: 'dead-letter.replay',
        description: {
          target: { type: 'job', id: 'job-1' },
          details: { queue: 'onboarding', event_type: 'onboarding.completed.v1' },
        },
      },
    ]);
    await expect(handler.execute(request, 'job-2')).rejects.toMatchObject({
      code: 'ADMIN.DEAD_LETTER_NOT_FOUND',
    });
    expect(recorded).toHaveLength(1);
  });
});
