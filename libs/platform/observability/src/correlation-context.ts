import { AsyncLocalStorage } from 'node:async_hooks';
import { Context, ROOT_CONTEXT } from '@opentelemetry/api';

/** What every log line of one unit of work carries: the request or message it serves. */
export interface CorrelationContext {
  correlationId: string;
  messageId?: string;
  topic?: string;
}

/**
 * One unit of work (an HTTP request, a handled message): its correlation and its trace context.
 * Both live in one store so a log line, an outbox row and an outgoing message all see the same
 * request and the same span; OpenTelemetry reads the trace part through CorrelationContextManager.
 */
interface UnitOfWork {
  correlation?: CorrelationContext;
  trace: Context;
}

const storage = new AsyncLocalStorage<UnitOfWork>();

/** Runs `work` for a request or message; its trace context is the given one, or the current one. */
export function runWithCorrelation<T>(context: CorrelationContext, work: () => T, trace: Context = activeTraceContext()): T {
  return storage.run({ correlation: context, trace }, work);
}

/** For a framework hook that cannot wrap the rest of the request (Fastify onRequest). */
export function enterCorrelation(context: CorrelationContext): void {
  storage.enterWith({ correlation: context, trace: activeTraceContext() });
}

export function currentCorrelation(): CorrelationContext | undefined {
  return storage.getStore()?.correlation;
}

/** The trace context of the current unit of work; the root context outside one. */
export function activeTraceContext(): Context {
  return storage.getStore()?.trace ?? ROOT_CONTEXT;
}

/** Runs `work` with another trace context, keeping the correlation. */
export function runWithTraceContext<T>(trace: Context, work: () => T): T {
  return storage.run({ correlation: storage.getStore()?.correlation, trace }, work);
}

/** Like enterCorrelation, for the trace context (a span a Fastify hook started). */
export function enterTraceContext(trace: Context): void {
  storage.enterWith({ correlation: storage.getStore()?.correlation, trace });
}
