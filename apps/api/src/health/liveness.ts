import type { FastifyInstance } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';

export const LIVENESS_PATH = '/health/live';

const BODY = JSON.stringify({ status: 'ok' });

/**
 * The liveness probe, answered by Fastify itself ahead of Nest's pipeline (no guards, pipes or
 * interceptors apply to it), and neither logged nor counted per request: Kubernetes calls it every few
 * seconds on every pod, and it must stay as cheap as the runtime allows (docs/performance.md). It still
 * carries the security headers and `x-request-id`. It checks nothing but that the event loop answers;
 * dependencies are checked by `/health/ready`.
 */
export function registerLivenessProbe(fastify: FastifyInstance): void {
  fastify.get(LIVENESS_PATH, (_request, reply) => {
    void reply.type('application/json; charset=utf-8').send(BODY);
  });
}

/** Documents the probe in the OpenAPI document, which only sees Nest's routes. */
export function documentLivenessProbe(document: OpenAPIObject): OpenAPIObject {
  document.paths[LIVENESS_PATH] = {
    get: {
      operationId: 'liveness',
      tags: ['Operations'],
      summary: 'Liveness: the process answers (no dependency checks)',
      responses: {
        '200': {
          description: 'The process is alive',
          content: {
            'application/json': {
              schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } } },
            },
          },
        },
      },
    },
  };
  return document;
}
