import { Context, defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { activeTraceContext } from './correlation-context';

/**
 * W3C Trace Context (`traceparent`, `tracestate`) in and out of headers: Kafka messages, outbox rows,
 * HTTP requests. Used directly rather than through the global propagator, so it works the same in a
 * process that never started tracing (a CLI, a unit test).
 */
const w3c = new W3CTraceContextPropagator();

/** The headers that carry `from` (default: the current unit of work); empty when it has no valid span. */
export function traceHeaders(from: Context = activeTraceContext()): Record<string, string> {
  const carrier: Record<string, string> = {};
  w3c.inject(from, carrier, defaultTextMapSetter);
  return carrier;
}

/** The trace context the headers carry; the root context when they carry none or a malformed one. */
export function traceContextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  return w3c.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}
