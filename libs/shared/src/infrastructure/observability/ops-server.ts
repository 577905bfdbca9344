import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsAccessAllowed, MetricsRegistry } from './metrics.registry';
import type { ReadinessRegistry } from './readiness';

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

const json = 'application/json; charset=utf-8';

/**
 * A small HTTP listener on METRICS_PORT, apart from the public port: `/metrics` (unless
 * METRICS_ENABLED=false), `/health/live` and `/health/ready`. The worker, which has no other HTTP
 * server, is probed and scraped here; the API serves `/metrics` here instead of on its public port
 * when METRICS_PORT is set.
 */
export class OpsServer {
  private server: Server | undefined;

  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly readiness: ReadinessRegistry,
    private readonly token: string | undefined,
    /** False with METRICS_ENABLED=false: the probes stay, `/metrics` answers 404. */
    private readonly serveMetrics = true,
  ) {}

  async listen(port: number, host: string): Promise<number> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch(() => send(response, 500, json, '{"status":"error"}'));
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0].replace(/\/+$/, '');
    if (request.method !== 'GET') return send(response, 405, json, '{"error":"Method not allowed"}');
    if (path === '/health/live') return send(response, 200, json, '{"status":"ok"}');
    if (path === '/health/ready') {
      const report = await this.readiness.evaluate();
      return send(response, report.status === 'ok' ? 200 : 503, json, JSON.stringify(report));
    }
    if (path === '/metrics' && this.serveMetrics) {
      if (!metricsAccessAllowed(this.token, request.headers.authorization))
        return send(response, 401, json, '{"error":"Authentication required"}');
      return send(response, 200, this.metrics.contentType, await this.metrics.metrics());
    }
    send(response, 404, json, '{"error":"Not found"}');
  }
}
