import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const DIMENSIONS = 256;

/**
 * The stand-in "model": a hashed bag of crude word stems (first five letters), L2-normalised. Texts
 * that share words get similar vectors, which is all the tests need from an embeddings API.
 */
export function standInEmbedding(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]{3,}/g) ?? []) {
    const bucket = createHash('md5').update(word.slice(0, 5)).digest().readUInt32BE(0) % DIMENSIONS;
    vector[bucket] += 1;
  }
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0)) || 1;
  return vector.map((x) => x / norm);
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: { model?: string; input?: string[] };
}

export type StandInBehaviour = 'ok' | 'error' | 'malformed' | 'slow';

/** A local OpenAI-compatible embeddings server: POST /v1/embeddings. */
export class EmbeddingsStandIn {
  behaviour: StandInBehaviour = 'ok';
  slowMs = 2000;
  readonly requests: RecordedRequest[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server;

  constructor() {
    this.server = createServer((request, response) => {
      void this.handle(request).then(({ status, body }) => {
        const send = () => {
          if (response.destroyed) return;
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        };
        if (this.behaviour !== 'slow') return send();
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          send();
        }, this.slowMs);
        this.timers.add(timer);
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as RecordedRequest['body'];
    this.requests.push({
      method: request.method ?? '',
      path: request.url ?? '',
      authorization: request.headers.authorization,
      body,
    });
    if (request.method !== 'POST' || request.url !== '/v1/embeddings')
      return { status: 404, body: { error: 'no' } };
    if (this.behaviour === 'error') return { status: 500, body: { error: { message: 'overloaded' } } };
    const inputs = body.input ?? [];
    const data = inputs.map((text, index) => ({
      object: 'embedding',
      index,
      embedding: standInEmbedding(text),
    }));
    return {
      status: 200,
      body: {
        object: 'list',
        model: body.model,
        data: this.behaviour === 'malformed' ? data.slice(1) : data,
      },
    };
  }
}
