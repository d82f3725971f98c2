import { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { enterCorrelation, enterTraceContext, httpDuration, unsampledContext } from '@labflow/platform/observability';

/** Readiness probes and Prometheus scrapes: frequent, and of no interest in a trace. */
export function isProbeOrScrape(url: string): boolean {
  return /^\/(metrics|health)(\/|\?|$)/.test(url);
}

/**
 * Every HTTP request: its id becomes the correlation id of everything it causes (logs, commands,
 * events), and its latency is recorded by route template and status. Probes and scrapes run in an
 * unsampled trace, so neither they nor what they cause (the gateway's readiness commands to every
 * app, the stores' health calls) are recorded as spans.
 */
export function instrumentHttp(app: INestApplication): void {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.addHook('onRequest', async (request) => {
    enterCorrelation({ correlationId: String(request.id) });
    if (isProbeOrScrape(request.url)) enterTraceContext(unsampledContext());
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
}
