import type { IntegrationEvent } from './integration-event';

/** Integration events published by the authentication context (versioned contracts). */
export type UserRegisteredV1 = IntegrationEvent<
  'authentication.user-registered.v1',
  { userId: string; email: string; fullName: string; registeredAt: string }
>;

export type UserLoggedInV1 = IntegrationEvent<
  'authentication.user-logged-in.v1',
  { userId: string; sessionId: string; loggedInAt: string }
>;

export type SessionRevokedV1 = IntegrationEvent<
  'authentication.session-revoked.v1',
  { userId: string; sessionId: string; reason: string; revokedAt: string }
>;

export type ProfileUpdatedV1 = IntegrationEvent<
  'authentication.profile-updated.v1',
  { userId: string; fullName: string; dateOfBirth: string; updatedAt: string }
>;

export const AUTHENTICATION_EVENTS = {
  userRegistered: 'authentication.user-registered.v1',
  userLoggedIn: 'authentication.user-logged-in.v1',
  sessionRevoked: 'authentication.session-revoked.v1',
  profileUpdated: 'authentication.profile-updated.v1',
} as const;
