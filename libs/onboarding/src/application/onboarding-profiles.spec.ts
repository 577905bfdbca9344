import type { RealtimeEvent } from '@fluentpro/shared';
import { REFERENCE_DATA_V1 } from '../infrastructure/persistence/migrations/reference-data.v1';
import { StaleOnboardingProfileError } from '../domain/onboarding.errors';
import { OnboardingProfile } from '../domain/onboarding-profile.aggregate';
import { ReferenceCatalog } from '../domain/reference-catalog';
import { OnboardingProfiles } from './onboarding-profiles';
import { OnboardingProfileRepository } from './ports/onboarding-profile.repository';

/** Stores snapshots and checks versions like the real repository. */
class InMemoryProfiles extends OnboardingProfileRepository {
  readonly rows = new Map<string, ReturnType<OnboardingProfile['snapshot']>>();
  /** Saves that fail as if another request had saved first. */
  conflictsToSimulate = 0;
  saves = 0;

  findByUserId(userId: string): Promise<OnboardingProfile | null> {
    const row = this.rows.get(userId);
    return Promise.resolve(row ? OnboardingProfile.restore(row) : null);
  }

  insertIfAbsent(profile: OnboardingProfile): Promise<boolean> {
    if (this.rows.has(profile.userId)) return Promise.resolve(false);
    this.rows.set(profile.userId, profile.snapshot());
    return Promise.resolve(true);
  }

  save(profile: OnboardingProfile): Promise<void> {
    this.saves += 1;
    const stored = this.rows.get(profile.userId)!;
    if (this.conflictsToSimulate > 0) {
      this.conflictsToSimulate -= 1;
      throw new StaleOnboardingProfileError();
    }
    if (stored.version !== profile.version) throw new StaleOnboardingProfileError();
    this.rows.set(profile.userId, { ...profile.snapshot(), version: profile.version + 1 });
    return Promise.resolve();
  }
}

const catalog = new ReferenceCatalog(REFERENCE_DATA_V1);
const referenceData = { catalog: () => Promise.resolve(catalog) };
const unitOfWork = {
  run: <T>(work: () => Promise<T>) => work(),
  runStatement: <T>(statement: () => Promise<T>) => statement(),
  afterCommit: (effect: () => unknown) => void effect(),
};
const clock = { now: () => new Date('2026-01-01T10:00:00Z') };
const published: { userId: string; event: RealtimeEvent }[] = [];
const realtime = {
  publish: (userId: string, event: RealtimeEvent) => Promise.resolve(void published.push({ userId, event })),
};
beforeEach(() => published.splice(0));

describe('OnboardingProfiles', () => {
  it('creates the profile on first access', async () => {
    const repository = new InMemoryProfiles();
    const profiles = new OnboardingProfiles(repository, referenceData, unitOfWork, realtime, clock);
    const profile = await profiles.load('user-1');
    expect(profile.userId).toBe('user-1');
    expect(repository.rows.has('user-1')).toBe(true);
  });

  it('retries a change from a fresh load when another request saved first', async () => {
    const repository = new InMemoryProfiles();
    const profiles = new OnboardingProfiles(repository, referenceData, unitOfWork, realtime, clock);
    await profiles.load('user-1');
    repository.conflictsToSimulate = 2;
    let attempts = 0;
    await profiles.change('user-1', (profile, { now }) => {
      attempts += 1;
      profile.chooseNativeLanguage('english', catalog, now);
    });
    expect(attempts).toBe(3);
    expect(repository.rows.get('user-1')!.nativeLanguageId).toBe('english');
    // The saved change is announced to the learner's sockets, once.
    expect(published.filter(({ event }) => event.type === 'onboarding.progress-changed').at(-1)).toEqual({
      userId: 'user-1',
      event: {
        type: 'onboarding.progress-changed',
        data: expect.objectContaining({ completed_steps: ['native_language'], current_step: 'industry' }),
      },
    });
  });

  it('gives up with a 409 after too many conflicts, and saves nothing when nothing changed', async () => {
    const repository = new InMemoryProfiles();
    const profiles = new OnboardingProfiles(repository, referenceData, unitOfWork, realtime, clock);
    await profiles.load('user-1');
    repository.conflictsToSimulate = 100;
    await expect(
      profiles.change('user-1', (profile, { now }) => profile.chooseNativeLanguage('english', catalog, now)),
    ).rejects.toBeInstanceOf(StaleOnboardingProfileError);
    const savesBefore = repository.saves;
    const publishedBefore = published.length;
    await profiles.change('user-1', () => undefined);
    expect(repository.saves).toBe(savesBefore);
    expect(published).toHaveLength(publishedBefore);
  });
});
