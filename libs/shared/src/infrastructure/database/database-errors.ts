/** True when the database refused a write because of a unique constraint (PostgreSQL or SQLite). */
export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { driverError?: unknown })?.driverError ?? error;
  const code = (cause as { code?: unknown })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
