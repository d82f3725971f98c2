import { Context, Link, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Envelope } from '@labflow/contracts';
import { asException, runWithTraceContext, traceContextFromHeaders, tracer } from '@labflow/platform/observability';
import { stringHeaders } from '../wire';
import type { ProcessInput } from './message-processor';

export type MessageOutcome = 'handled' | 'rejected' | 'dead-lettered';

/**
 * The span of one consumed message (OpenTelemetry messaging conventions, operation `process`): a
 * child of the span whose context the message's headers carry (the gateway's request, or the handler
 * that wrote the event to its outbox), so one trace follows a result across every hop.
 */
export class MessageSpan {
  private readonly span: Span;
  private readonly context: Context;

  constructor(input: ProcessInput, logicalTopic: string, consumerGroup: string) {
    const parent = traceContextFromHeaders(stringHeaders(input.message.headers));
    this.span = tracer().startSpan(`process ${logicalTopic}`, {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': input.topic,
        'messaging.destination.partition.id': String(input.partition),
        'messaging.kafka.offset': Number(input.message.offset),
        'messaging.consumer.group.name': consumerGroup,
      },
    }, parent);
    this.context = trace.setSpan(parent, this.span);
  }

  /** This span's context: what a batch handler's outbox rows for this message carry. */
  get traceContext(): Context {
    return this.context;
  }

  /** A link to this message's span, for the span of a batch it was handled in. */
  get link(): Link {
    return { context: this.span.spanContext() };
  }

  /** Runs the handling with this span current: its log lines, outbox rows and replies carry it. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return runWithTraceContext(this.context, work);
  }

  /** Once the envelope is read: its id, type and correlation (a command's span is named by its type). */
  identify(envelope: Envelope, kind: 'events' | 'commands'): void {
    if (kind === 'commands') this.span.updateName(`process ${envelope.type}`);
    this.span.setAttributes({
      'messaging.message.id': envelope.id,
      'labflow.message.type': envelope.type,
      'labflow.correlation_id': envelope.correlationId,
    });
  }

  /** A failed attempt (retried, answered or dead-lettered: `end` says which). */
  recordFailure(error: unknown, attempt: number): void {
    this.span.recordException(asException(error));
    this.span.setAttribute('labflow.attempts', attempt);
  }

  /** The message failed for the system, not for its sender (a command answered 503). */
  markError(reason: string): void {
    this.span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
  }

  end(outcome: MessageOutcome): void {
    this.span.setAttribute('labflow.outcome', outcome);
    if (outcome === 'dead-lettered') this.markError(outcome);
    this.span.end();
  }

  /** The batch this message was in failed: it is handled again on its own, in a span of its own. */
  batchFailed(error: unknown): void {
    this.span.recordException(asException(error));
    this.span.setAttribute('labflow.outcome', 'batch-failed');
    this.span.end();
  }

  /** The handling threw (shutting down mid-message): the offset stays uncommitted, the message returns. */
  abandon(error: unknown): void {
    this.span.recordException(asException(error));
    this.span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    this.span.end();
  }
}
