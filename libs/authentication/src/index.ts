// The only door into the authentication context.
export { AuthenticationModule } from './authentication.module';
export { AuthenticationMaintenanceModule } from './authentication-maintenance.module';
export { authenticationPersistence } from './infrastructure/persistence/authentication.persistence';
export { AccessTokenGuard, type AuthenticatedRequest } from './interface/http/access-token.guard';
export { AdminGuard } from './interface/http/admin.guard';
export { SessionResponse } from './interface/http/sessions.dto';
export {
  SocketAuthenticator,
  type SocketAuthentication,
  type SocketPrincipal,
} from './interface/realtime/socket-authenticator';
export { AccountAdministration } from './application/account-administration';
export type { AdminAccountView } from './application/account.view';
export type { SessionView } from './application/session.view';
export type { AccountSearch } from './application/ports/user-account.repository';
export { ACCOUNT_ROLES, type AccountRole } from './domain/user-account.aggregate';
export type { Principal } from './application/ports/identity-provider';
export { IdentityProviderHealthIndicator } from './infrastructure/auth0/identity-provider.health-indicator';
