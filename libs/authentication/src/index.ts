// The only door into the authentication context.
export { AuthenticationModule } from './authentication.module';
export { AuthenticationMaintenanceModule } from './authentication-maintenance.module';
export { authenticationPersistence } from './infrastructure/persistence/authentication.persistence';
export { AccessTokenGuard, CurrentPrincipal } from './interface/http/access-token.guard';
export type { Principal } from './application/ports/identity-provider';
export { IdentityProviderHealthIndicator } from './infrastructure/auth0/identity-provider.health-indicator';
