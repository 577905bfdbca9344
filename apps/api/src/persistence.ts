import type { PersistenceContribution } from '@fluentpro/shared';
import { administrationPersistence } from '@fluentpro/administration';
import { authenticationPersistence } from '@fluentpro/authentication';

/** Every context's entities and migrations, for the API, the worker and the migration command. */
export const persistence: PersistenceContribution[] = [authenticationPersistence, administrationPersistence];
