import {
  AUTHENTICATION_EVENTS,
  createIntegrationEvent,
  ProfileUpdatedV1,
  SessionRevokedV1,
  UserLoggedInV1,
  UserRegisteredV1,
} from '@fluentpro/shared';
import type { Session } from '../domain/session.aggregate';
import type { UserAccount } from '../domain/user-account.aggregate';

/**
 * The integration events this context publishes (contracts in libs/shared), built from its aggregates.
 * They are recorded in the outbox inside the transaction that saves the aggregate.
 */
export const AuthenticationEvents = {
  userRegistered(account: UserAccount): UserRegisteredV1 {
    return createIntegrationEvent(
      AUTHENTICATION_EVENTS.userRegistered,
      {
        userId: account.id,
        email: account.email.value,
        fullName: account.fullName.value,
        registeredAt: account.createdAt.toISOString(),
      },
      { occurredAt: account.createdAt },
    );
  },

  userLoggedIn(session: Session, now: Date): UserLoggedInV1 {
    return createIntegrationEvent(
      AUTHENTICATION_EVENTS.userLoggedIn,
      { userId: session.userId, sessionId: session.id, loggedInAt: now.toISOString() },
      { occurredAt: now },
    );
  },

  sessionRevoked(session: Session, now: Date): SessionRevokedV1 {
    return createIntegrationEvent(
      AUTHENTICATION_EVENTS.sessionRevoked,
      {
        userId: session.userId,
        sessionId: session.id,
        reason: session.revokedReason ?? 'unknown',
        revokedAt: (session.revokedAt ?? now).toISOString(),
      },
      { occurredAt: now },
    );
  },

  profileUpdated(account: UserAccount): ProfileUpdatedV1 {
    return createIntegrationEvent(
      AUTHENTICATION_EVENTS.profileUpdated,
      {
        userId: account.id,
        fullName: account.fullName.value,
        dateOfBirth: account.dateOfBirth.value,
        updatedAt: account.updatedAt.toISOString(),
      },
      { occurredAt: account.updatedAt },
    );
  },
};
