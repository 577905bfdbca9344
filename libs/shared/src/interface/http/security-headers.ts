import helmet, { type HelmetOptions } from 'helmet';

interface HeaderSink {
  setHeader(name: string, value: string | number | readonly string[]): void;
  removeHeader(name: string): void;
}

/**
 * The response headers helmet sets for `options`, computed once. `@fastify/helmet` builds a new helmet
 * middleware (parsing the CSP directives again) and runs two hooks on every request; with a static
 * configuration the headers never change, so the API sets this precomputed set in its one onRequest hook
 * (see docs/performance.md: about 10% of a /health/live request).
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const sink: HeaderSink = {
    setHeader: (name, value) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)(sink as never, sink as never, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error('helmet rejected the configuration');
  });
  return headers;
}
