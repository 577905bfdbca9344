import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityProviderHealthIndicator } from '@fluentpro/authentication';
import { ReadinessRegistry } from '@fluentpro/shared';

/**
 * The identity provider's part of readiness (Auth0's JWKS in the Auth0 mode, nothing when
 * self-hosted), added to the readiness registry under `auth0`.
 */
@Injectable()
export class IdentityProviderReadiness implements OnModuleInit {
  constructor(
    private readonly registry: ReadinessRegistry,
    private readonly identityProvider: IdentityProviderHealthIndicator,
  ) {}

  onModuleInit(): void {
    const checks = this.identityProvider.checks();
    if (checks.length === 0) return;
    this.registry.register({
      name: 'auth0',
      check: async () => {
        let details: Record<string, unknown> = {};
        for (const check of checks) details = { ...details, ...(await check()) };
        return details;
      },
    });
  }
}
