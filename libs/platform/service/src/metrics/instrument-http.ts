import { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { enterCorrelation, httpDuration } from '@labflow/platform/observability';

/**
 * Every HTTP request: its id becomes the correlation id of everything it causes (logs, commands,
 * events), and its latency is recorded by route template and status.
 */
export function instrumentHttp(app: INestApplication): void {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.addHook('onRequest', async (request) => {
    enterCorrelation({ correlationId: String(request.id) });
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
}
