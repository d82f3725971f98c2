import { Attributes, AttributeValue, Context, Link, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { runWithTraceContext } from './correlation-context';
import { traceContextFromHeaders } from './trace-propagation';
import { tracer } from './tracing';

/** OpenTelemetry's span kinds a background unit of work can be (its callers need not import OpenTelemetry). */
const KINDS = {
  internal: SpanKind.INTERNAL,
  /** a queued item worked off (a job) */
  consumer: SpanKind.CONSUMER,
  /** an outgoing call (a webhook delivery) */
  client: SpanKind.CLIENT,
  /** messages sent (an outbox batch) */
  producer: SpanKind.PRODUCER,
} as const;

export interface BackgroundSpanOptions {
  /** Default `internal`. */
  kind?: keyof typeof KINDS;
  /**
   * The trace context the stored item kept from the span that wrote it (`traceparent`): this span
   * continues that trace. Absent, empty or malformed: the span starts a trace of its own.
   */
  parentHeaders?: Record<string, string> | null;
  /** Items of several traces handled together (an outbox batch): linked to, not parented by. */
  linkedHeaders?: Record<string, string>[];
  attributes?: Attributes;
}

/**
 * The span of one unit of background work on a stored item (a job, a webhook delivery, a sweep
 * that found something, an outbox batch), current while the work runs: its log lines and the
 * outbox rows it writes carry it, so the consumers of those events continue its trace.
 */
export class BackgroundSpan {
  private constructor(private readonly span: Span, private readonly context: Context) {}

  static start(name: string, options: BackgroundSpanOptions = {}): BackgroundSpan {
    const parent = traceContextFromHeaders(options.parentHeaders ?? {});
    const span = tracer().startSpan(name, {
      kind: KINDS[options.kind ?? 'internal'],
      attributes: options.attributes,
      links: linksOf(options.linkedHeaders ?? []),
    }, parent);
    return new BackgroundSpan(span, trace.setSpan(parent, span));
  }

  /** Runs `work` with this span current. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return runWithTraceContext(this.context, work);
  }

  setAttribute(key: string, value: AttributeValue): void {
    this.span.setAttribute(key, value);
  }

  /** The work failed for the system, though it did not throw (a webhook endpoint answering 503). */
  markError(reason: string): void {
    this.span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
  }

  end(): void {
    this.span.end();
  }

  /** The work threw: recorded on the span, which ends. */
  fail(error: unknown): void {
    this.span.recordException(asException(error));
    this.markError(error instanceof Error ? error.message : String(error));
    this.span.end();
  }
}

/** What `span.recordException` takes, from anything thrown. */
export function asException(error: unknown): Error | string {
  return error instanceof Error ? error : String(error);
}

/** Runs `work` in a BackgroundSpan that ends when it settles (failed when it throws). */
export async function traceBackgroundWork<T>(
  name: string, options: BackgroundSpanOptions, work: (span: BackgroundSpan) => Promise<T>,
): Promise<T> {
  const span = BackgroundSpan.start(name, options);
  try {
    const result = await span.run(() => work(span));
    span.end();
    return result;
  } catch (error) {
    span.fail(error);
    throw error;
  }
}

/** Starts the span of traceOnceFound's work, once. */
export type BeginSpan = (name: string, options?: BackgroundSpanOptions) => BackgroundSpan;

/**
 * For work that learns whether (and in which trace) it has anything to do only inside its
 * transaction, once it locked a stored item: `work` calls `begin` then, and the span ends when
 * `work` settles, so it covers the commit too. Work that found nothing records no span.
 */
export async function traceOnceFound<T>(work: (begin: BeginSpan) => Promise<T>): Promise<T> {
  const begun: { span?: BackgroundSpan } = {};
  try {
    const result = await work((name, options) => (begun.span = BackgroundSpan.start(name, options)));
    begun.span?.end();
    return result;
  } catch (error) {
    begun.span?.fail(error);
    throw error;
  }
}

/** One link per distinct valid trace context among the headers. */
function linksOf(headers: Record<string, string>[]): Link[] {
  const links = new Map<string, Link>();
  for (const h of headers) {
    const context = trace.getSpanContext(traceContextFromHeaders(h));
    if (context) links.set(`${context.traceId}-${context.spanId}`, { context });
  }
  return [...links.values()];
}
