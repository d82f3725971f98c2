import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Context, context, propagation, ROOT_CONTEXT, trace, TraceFlags, Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { SpanFileExporter } from './span-file-exporter';
import { CorrelationContextManager } from './trace-context-manager';

export interface TracingOptions {
  app: string;
  instanceId: string;
  /** OTLP/HTTP collector base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`); empty: spans are not exported. */
  otlpEndpoint?: string;
  /** Also append finished spans as JSON lines to `<dir>/<app>.spans.jsonl` (tests, local debugging). */
  spansFileDir?: string;
}

let provider: BasicTracerProvider | null = null;

/**
 * Starts tracing in this process, once. Spans always exist (their ids reach the logs and the Kafka
 * headers, so logs and traces join); they leave the process only through the exporters configured,
 * and with none configured nothing connects anywhere.
 */
export function startTracing(options: TracingOptions): void {
  if (provider) return;
  const spanProcessors: SpanProcessor[] = [];
  if (options.otlpEndpoint) {
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpTracesUrl(options.otlpEndpoint) })));
  }
  if (options.spansFileDir) {
    spanProcessors.push(new SimpleSpanProcessor(new SpanFileExporter(join(options.spansFileDir, `${options.app}.spans.jsonl`))));
  }
  provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': `labflow-${options.app}`,
      'service.namespace': 'labflow',
      'service.instance.id': options.instanceId,
    }),
    spanProcessors,
  });
  context.setGlobalContextManager(new CorrelationContextManager());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
}

/** Flushes and stops the exporters (at shutdown, after the last message was handled). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = null;
  await stopping?.shutdown().catch(() => undefined);
}

/** LabFlow's tracer; a no-op one until startTracing() ran (CLIs, unit tests). */
export function tracer(): Tracer {
  return trace.getTracer('labflow');
}

/**
 * A context whose trace is not sampled: spans started in it, here or downstream (the W3C flag travels
 * in the headers), are not recorded. For work nobody wants traced: readiness probes, scrapes.
 */
export function unsampledContext(): Context {
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), traceFlags: TraceFlags.NONE,
  });
}

/** The OTLP convention: the base endpoint gets `/v1/traces`, as the exporter does with the env variable. */
export function otlpTracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}
