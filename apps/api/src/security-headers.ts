import { securityHeaders } from '@fluentpro/shared';

/**
 * The security headers of the API's JSON answers, computed once with helmet: the set the OWASP REST
 * Security Cheat Sheet recommends for an API. A JSON body is never rendered as a page, so helmet's
 * document-only headers (X-DNS-Prefetch-Control, X-Download-Options, X-Permitted-Cross-Domain-Policies,
 * X-XSS-Protection, Origin-Agent-Cluster, Cross-Origin-Opener-Policy) are left out: each header is work
 * on every answer (docs/performance.md). `Cache-Control: no-store` keeps answers carrying tokens or
 * personal data out of caches (RFC 6749 §5.1); routes whose data may be cached (JWKS, reference data)
 * set their own.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...securityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    frameguard: { action: 'deny' },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  }),
  'cache-control': 'no-store',
};

/**
 * The OpenAPI console (`/api/docs`) is an HTML page: it gets helmet's full default set, with a content
 * security policy that lets Swagger UI run its inline scripts and styles.
 */
export const DOCS_SECURITY_HEADERS: Readonly<Record<string, string>> = securityHeaders({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
    },
  },
});

const DOCS_PREFIX = '/api/docs';

/** The header set for a request URL: the console's for `/api/docs…`, the API's for everything else. */
export function securityHeadersFor(url: string): Readonly<Record<string, string>> {
  return url.startsWith(DOCS_PREFIX) ? DOCS_SECURITY_HEADERS : API_SECURITY_HEADERS;
}
