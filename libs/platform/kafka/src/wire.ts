import { Message } from 'kafkajs';
import { Envelope } from '@labflow/contracts';

export const HEADER = {
  messageId: 'message-id',
  messageType: 'message-type',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  replyTo: 'reply-to',
  requestId: 'request-id',
  /** W3C Trace Context of the span that sent the message (trace-propagation.ts writes and reads them). */
  traceParent: 'traceparent',
  traceState: 'tracestate',
} as const;

/**
 * An envelope as a Kafka message: JSON value, the aggregate id as key, ids copied into headers.
 * `extraHeaders` carry the trace context: the sender's (`traceHeaders()`) or the one an outbox row
 * stored when its event was written.
 */
export function toKafkaMessage(key: string, envelope: Envelope, extraHeaders: Record<string, string> = {}): Message {
  return {
    key,
    value: JSON.stringify(envelope),
    headers: {
      [HEADER.messageId]: envelope.id,
      [HEADER.messageType]: envelope.type,
      [HEADER.correlationId]: envelope.correlationId,
      ...(envelope.causationId ? { [HEADER.causationId]: envelope.causationId } : {}),
      ...extraHeaders,
    },
  };
}

export function headerString(headers: Message['headers'] | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  if (raw === undefined || raw === null) return undefined;
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first === undefined ? undefined : first.toString();
}

export function stringHeaders(headers: Message['headers'] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers ?? {})) {
    const v = headerString(headers, name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}
