import { securityHeaders } from '@fluentpro/shared';

/**
 * The security headers on every answer of the API, computed once: helmet's defaults, with a content
 * security policy that lets the OpenAPI console run its inline scripts and styles.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = securityHeaders({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
    },
  },
});
