import { Injectable } from '@nestjs/common';
import { AppConfig } from '@fluentpro/shared';
import { Auth0Settings } from './auth0-settings';

/** Probes come every few seconds from every replica; Auth0 is asked at most this often per process. */
const RESULT_TTL_MS = 10_000;

/** One readiness check: resolves with the details to report when up, throws (the reason) when down. */
export type IdentityProviderCheck = () => Promise<Record<string, unknown>>;

/**
 * The identity provider's part of readiness. Self-hosted identity is local and adds nothing; in the
 * Auth0 mode the tenant's JWKS (what every request's token check depends on) must answer within
 * AUTH0_TIMEOUT_MS, reported under `auth0`. (Written without @nestjs/terminus: the readiness report
 * already has its shape, and loading it cost ~40 ms of start-up, docs/performance.md.)
 */
@Injectable()
export class IdentityProviderHealthIndicator {
  private readonly settings: Auth0Settings | null;
  private last: { at: number; result: Promise<Record<string, unknown>> } | null = null;

  constructor(config: AppConfig) {
    this.settings = config.env.IDENTITY_PROVIDER === 'auth0' ? new Auth0Settings(config) : null;
  }

  /** The checks to add to the readiness probe: none, or Auth0's. */
  checks(): IdentityProviderCheck[] {
    return this.settings ? [() => this.auth0()] : [];
  }

  private auth0(): Promise<Record<string, unknown>> {
    const now = Date.now();
    if (!this.last || now - this.last.at > RESULT_TTL_MS) this.last = { at: now, result: this.probe() };
    return this.last.result;
  }

  private async probe(): Promise<Record<string, unknown>> {
    const settings = this.settings!;
    const started = Date.now();
    try {
      const jwks = (await settings.getJson(settings.jwksUri)) as { keys?: unknown };
      if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new Error('the JWKS holds no keys');
      return { domain: settings.domain, latency_ms: Date.now() - started };
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'unreachable';
      throw new Error(`Auth0 ${reason} (${settings.timeoutMs} ms budget)`);
    }
  }
}
