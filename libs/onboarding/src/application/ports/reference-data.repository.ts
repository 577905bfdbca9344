import type { ReferenceCatalog } from '../../domain/reference-catalog';

/** The seeded reference data; it changes only with a migration, so adapters may cache it. */
export abstract class ReferenceDataRepository {
  abstract catalog(): Promise<ReferenceCatalog>;
}
