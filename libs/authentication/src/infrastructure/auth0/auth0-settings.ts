import { createHash } from 'node:crypto';
import { AppConfig, ServiceUnavailableError } from '@fluentpro/shared';

/** Seconds a client should wait before retrying when Auth0 cannot be reached. */
const RETRY_AFTER_SECONDS = 5;

/** The 503 every Auth0 outage or timeout becomes; the cause is kept for the log, never the body. */
export function auth0Unavailable(cause: unknown): ServiceUnavailableError {
  const error = new ServiceUnavailableError(
    'The identity provider (Auth0) is unreachable or did not answer in time. Please try again shortly.',
    RETRY_AFTER_SECONDS,
  );
  return Object.assign(error, { cause });
}

/** Tokens are never stored: only this digest, to recognise them again. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The Auth0 settings, validated at boot by the config schema, and the one HTTP transport that every
 * Auth0 call (both SDK clients and the JWKS fetch) goes through: it bounds each request by
 * AUTH0_TIMEOUT_MS and, when AUTH0_BASE_URL is set, sends requests for https://AUTH0_DOMAIN there
 * instead (an egress proxy, or the local fake the tests start).
 */
export class Auth0Settings {
  readonly domain: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly audience: string;
  readonly connection: string;
  readonly managementClientId: string;
  readonly managementClientSecret: string;
  readonly timeoutMs: number;
  /** Tokens name `https://<domain>/` as issuer wherever requests are sent. */
  readonly issuer: string;
  readonly jwksUri: string;
  private readonly tenantOrigin: string;
  private readonly baseUrl: string | undefined;

  constructor(config: AppConfig) {
    const env = config.env;
    const required = (name: keyof typeof env): string => {
      const value = env[name];
      if (typeof value !== 'string' || value === '') throw new Error(`${name} is required in the Auth0 mode`);
      return value;
    };
    this.domain = required('AUTH0_DOMAIN');
    this.clientId = required('AUTH0_CLIENT_ID');
    this.clientSecret = required('AUTH0_CLIENT_SECRET');
    this.audience = required('AUTH0_AUDIENCE');
    this.connection = required('AUTH0_CONNECTION');
    this.managementClientId = env.AUTH0_MANAGEMENT_CLIENT_ID ?? this.clientId;
    this.managementClientSecret = env.AUTH0_MANAGEMENT_CLIENT_SECRET ?? this.clientSecret;
    this.timeoutMs = env.AUTH0_TIMEOUT_MS;
    this.tenantOrigin = `https://${this.domain}`;
    this.baseUrl = env.AUTH0_BASE_URL?.replace(/\/+$/, '');
    this.issuer = `${this.tenantOrigin}/`;
    this.jwksUri = `${this.tenantOrigin}/.well-known/jwks.json`;
  }

  /** A `fetch` for the SDKs: per-request deadline, optional redirection of the tenant's origin. */
  readonly fetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const deadline = AbortSignal.timeout(this.timeoutMs);
    return fetch(this.target(url), {
      ...init,
      signal: init.signal ? AbortSignal.any([init.signal, deadline]) : deadline,
    });
  };

  /** GETs a JSON document of the tenant (JWKS) through the same transport. */
  async getJson(url: string): Promise<unknown> {
    const response = await this.fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    return response.json();
  }

  /** Where a request for `url` really goes. */
  target(url: string): string {
    if (!this.baseUrl || !url.startsWith(this.tenantOrigin)) return url;
    const rest = url.slice(this.tenantOrigin.length);
    return rest === '' || rest.startsWith('/') || rest.startsWith('?') ? this.baseUrl + rest : url;
  }
}
