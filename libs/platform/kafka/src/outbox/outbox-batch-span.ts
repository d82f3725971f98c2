import { traceBackgroundWork } from '@labflow/platform/observability';

/**
 * Sends one outbox batch in its own span. The batch's events come from many requests, so the span
 * belongs to none of their traces: it links the spans that wrote them. The messages keep their
 * writers' trace context, so each consumer's span stays a child of the span that caused its event.
 */
export function traceOutboxBatch(source: string, writerHeaders: Record<string, string>[], send: () => Promise<void>): Promise<void> {
  return traceBackgroundWork('publish outbox', {
    kind: 'producer',
    linkedHeaders: writerHeaders,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.batch.message_count': writerHeaders.length,
      'labflow.outbox.source': source,
    },
  }, send);
}
