import { Envelope, MessageContext, newEnvelope, PayloadOf, TopicSpec, validatePayload } from '@labflow/contracts';

/**
 * The envelope of an event an outbox is about to store, its payload checked against the topic's
 * contract first: an event no consumer could accept fails the writer's transaction instead of being
 * published. Both outboxes (PostgreSQL and MongoDB) build their events with it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function checkedEnvelope<T extends TopicSpec<any>>(topic: T, payload: PayloadOf<T>, cause: MessageContext): Envelope<PayloadOf<T>> {
  const checked = validatePayload(topic.payload, payload);
  if (checked.problems.length > 0) throw new Error(`invalid ${topic.name} payload: ${checked.problems.join('; ')}`);
  return newEnvelope(topic.name, topic.version, payload, cause);
}
