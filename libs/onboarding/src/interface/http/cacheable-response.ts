import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Reference data changes only with a deploy: an hour of caching, revalidated by ETag. */
export const REFERENCE_DATA_CACHE_CONTROL = 'public, max-age=3600';

function entityTag(payload: string): string {
  return `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match matches on `*` or any listed tag (weak comparison, as RFC 9110 asks for GET). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/** Sends `body` as JSON with Cache-Control and a strong ETag, or 304 when the client's copy is current. */
export function replyCacheable(request: FastifyRequest, reply: FastifyReply, body: unknown): void {
  const payload = JSON.stringify(body);
  const etag = entityTag(payload);
  void reply.header('cache-control', REFERENCE_DATA_CACHE_CONTROL).header('etag', etag);
  if (matches(request.headers['if-none-match'], etag)) {
    void reply.status(304).send();
    return;
  }
  void reply.status(200).header('content-type', 'application/json; charset=utf-8').send(payload);
}
