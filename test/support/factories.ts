import { randomUUID } from 'node:crypto';

export const STRONG_PASSWORD = 'Str0ng!Passw0rd';

/** A valid sign-up body with a unique email; override any field. */
export function signUpBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    full_name: 'John Doe',
    email: `user-${randomUUID()}@example.com`,
    password: STRONG_PASSWORD,
    date_of_birth: '1990-01-15',
    ...overrides,
  };
}
