import { Injectable } from '@nestjs/common';
import { HealthIndicatorFunction, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '@fluentpro/shared';
import { Auth0Settings } from './auth0-settings';

/** Probes come every few seconds from every replica; Auth0 is asked at most this often per process. */
const RESULT_TTL_MS = 10_000;

/**
 * The identity provider's part of readiness. Self-hosted identity is local and adds nothing; in the
 * Auth0 mode the tenant's JWKS (what every request's token check depends on) must answer within
 * AUTH0_TIMEOUT_MS, reported under `auth0`.
 */
@Injectable()
export class IdentityProviderHealthIndicator {
  private readonly settings: Auth0Settings | null;
  private last: { at: number; result: Promise<HealthIndicatorResult> } | null = null;

  constructor(
    config: AppConfig,
    private readonly indicators: HealthIndicatorService,
  ) {
    this.settings = config.env.IDENTITY_PROVIDER === 'auth0' ? new Auth0Settings(config) : null;
  }

  /** The checks to add to the readiness probe: none, or Auth0's. */
  checks(): HealthIndicatorFunction[] {
    return this.settings ? [() => this.auth0()] : [];
  }

  private auth0(): Promise<HealthIndicatorResult> {
    const now = Date.now();
    if (!this.last || now - this.last.at > RESULT_TTL_MS) this.last = { at: now, result: this.probe() };
    return this.last.result;
  }

  private async probe(): Promise<HealthIndicatorResult> {
    const settings = this.settings!;
    const indicator = this.indicators.check('auth0');
    const started = Date.now();
    try {
      const jwks = (await settings.getJson(settings.jwksUri)) as { keys?: unknown };
      if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new Error('the JWKS holds no keys');
      return indicator.up({ domain: settings.domain, latency_ms: Date.now() - started });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'unreachable';
      return indicator.down({
        domain: settings.domain,
        message: `Auth0 ${reason} (${settings.timeoutMs} ms budget)`,
      });
    }
  }
}
