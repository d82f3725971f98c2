import { INestApplication, Logger } from '@nestjs/common';
import { Context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { enterTraceContext, runWithCorrelation, traceContextFromHeaders, tracer } from '@labflow/platform/observability';
import { isProbeOrScrape } from '../metrics/instrument-http';

const requestContexts = new WeakMap<FastifyRequest, Context>();

/**
 * The HTTP edge (gateway): a server span per request, continuing a caller's `traceparent` if it sent
 * one, current while the request is handled (so its commands carry it), and one log line per request
 * when it is answered (method, path without the query, status, time; the ids join it to its trace).
 * Probes and scrapes are neither traced nor logged: they would drown the requests people make.
 * Register after instrumentHttp(), which enters the request's correlation.
 */
export function traceHttpRequests(app: INestApplication): void {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  const logger = new Logger('HttpRequest');
  fastify.addHook('onRequest', async (request) => {
    if (isProbeOrScrape(request.url)) return;
    const parent = traceContextFromHeaders(request.headers);
    const span = tracer().startSpan(request.method, {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': request.method,
        'url.path': pathOf(request.url),
        'labflow.correlation_id': String(request.id),
      },
    }, parent);
    const context = trace.setSpan(parent, span);
    requestContexts.set(request, context);
    enterTraceContext(context);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const context = requestContexts.get(request);
    const span = context && trace.getSpan(context);
    if (!context || !span) return;
    const route = request.routeOptions?.url;
    span.updateName(route ? `${request.method} ${route}` : request.method);
    span.setAttributes({ 'http.response.status_code': reply.statusCode, ...(route ? { 'http.route': route } : {}) });
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    runWithCorrelation({ correlationId: String(request.id) }, () => {
      logger.log(`${request.method} ${pathOf(request.url)} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`);
    }, context);
    span.end();
  });
}

/** The span of a request being handled, to send its commands in (CommandBus.send traceContext). */
export function requestTraceContext(request: FastifyRequest): Context | undefined {
  return requestContexts.get(request);
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
