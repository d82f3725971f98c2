import {
  Envelope, MessageContext, newEnvelope, PayloadOf, TopicSpec, validatePayload,
} from '@labflow/contracts';

/**
 * An event waiting inside the document whose change caused it (DESIGN §3, MongoDB): the document
 * write that changes state also appends its events, so both are committed by one single-document
 * write (atomic on MongoDB, DocumentDB and FerretDB alike, without transactions).
 */
export interface PendingEvent {
  id: string;
  topic: string;
  key: string;
  envelope: Envelope;
}

/** Fields an outbox-carrying document has; the relay finds documents by `outboxPending`. */
export interface MongoOutboxFields {
  version: number;
  pendingEvents: PendingEvent[];
  outboxPending: boolean;
  outboxSince: Date | null;
  /** A closed document is deleted by the relay once its events are published. */
  closed?: boolean;
}

/** Builds a validated pending event; the caller puts it into the document it writes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function pendingEvent<T extends TopicSpec<any>>(topic: T, payload: PayloadOf<T>, ctx: MessageContext): PendingEvent {
  const checked = validatePayload(topic.payload, payload);
  if (checked.problems.length > 0) {
    throw new Error(`invalid ${topic.name} payload: ${checked.problems.join('; ')}`);
  }
  const envelope = newEnvelope(topic.name, topic.version, payload, ctx) as Envelope;
  return { id: envelope.id, topic: topic.name, key: topic.key(payload), envelope };
}

/** Appends events to a document's outbox fields (returns the fields to $set). */
export function withPendingEvents<D extends MongoOutboxFields>(doc: D, events: PendingEvent[]): Pick<MongoOutboxFields, 'pendingEvents' | 'outboxPending' | 'outboxSince'> {
  const pendingEvents = [...doc.pendingEvents, ...events];
  return {
    pendingEvents,
    outboxPending: pendingEvents.length > 0,
    outboxSince: doc.outboxSince ?? (events.length > 0 ? new Date() : null),
  };
}
