import { eventsPersistence, type PersistenceContribution } from '@fluentpro/shared';
import { administrationPersistence } from '@fluentpro/administration';
import { authenticationPersistence } from '@fluentpro/authentication';
import { notificationsPersistence } from '@fluentpro/notifications';
import { onboardingPersistence } from '@fluentpro/onboarding';

/** Every context's entities and migrations, for the API, the worker and the migration command. */
export const persistence: PersistenceContribution[] = [
  authenticationPersistence,
  eventsPersistence,
  notificationsPersistence,
  onboardingPersistence,
  administrationPersistence,
];
