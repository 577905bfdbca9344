import helmet from 'helmet';
import { securityHeaders } from './security-headers';

/** What helmet's own middleware sets on a response, for comparison. */
function helmetHeaders(options: Parameters<typeof helmet>[0]): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(options)({} as never, response as never, () => undefined);
  return headers;
}

describe('securityHeaders', () => {
  const options = {
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'] } },
  };

  it('is exactly the set helmet sets for the same options', () => {
    expect(securityHeaders(options)).toEqual(helmetHeaders(options));
  });

  it('carries the configured policy and the usual protections', () => {
    const headers = securityHeaders(options);
    expect(headers['content-security-policy']).toContain("img-src 'self' data:");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['x-powered-by']).toBeUndefined();
  });

  it('follows the options (a disabled header is absent)', () => {
    expect(securityHeaders({ ...options, frameguard: false })['x-frame-options']).toBeUndefined();
  });
});
