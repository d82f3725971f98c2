import { Envelope, MessageContext, PayloadOf, TopicSpec } from '@labflow/contracts';
import { traceHeaders } from '@labflow/platform/observability';
import { checkedEnvelope } from './checked-envelope';

/**
 * An event waiting inside the document whose write caused it (DESIGN §3, MongoDB): the state change
 * and its events are one single-document insert, atomic on MongoDB, DocumentDB and FerretDB alike.
 */
export interface PendingEvent {
  id: string;
  topic: string;
  key: string;
  envelope: Envelope;
  /** Kafka headers to publish with it: the trace context of the span that wrote it (absent in older entries). */
  headers?: Record<string, string>;
}

/**
 * An entry of an append-only stream of state versions: `_id` is `<streamId>:<version>`, so two writers
 * that both read version n and both insert n + 1 collide on the primary key and exactly one wins.
 * (A version filter on update is not a safe compare-and-set on FerretDB: it matches, then writes.)
 * After its insert, only the relay touches an entry (it clears `outboxPending`, then prunes older ones).
 */
export interface MongoOutboxEntry {
  _id: string;
  streamId: string;
  version: number;
  pendingEvents: PendingEvent[];
  outboxPending: boolean;
  writtenAt: Date;
}

export const entryIdOf = (streamId: string, version: number): string => `${streamId}:${version}`;

/** Builds a validated pending event, with the current trace context; the caller puts it into the entry it inserts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function pendingEvent<T extends TopicSpec<any>>(topic: T, payload: PayloadOf<T>, ctx: MessageContext): PendingEvent {
  const envelope = checkedEnvelope(topic, payload, ctx) as Envelope;
  return { id: envelope.id, topic: topic.name, key: topic.key(payload), envelope, headers: traceHeaders() };
}
