import { Message, Producer } from 'kafkajs';
import { Envelope } from '@labflow/contracts';
import { toKafkaMessage } from '../wire';

/** An event as both outboxes store it: its catalog topic, key, envelope and the writer's trace headers. */
export interface StoredEvent {
  topic: string;
  key: string;
  envelope: Envelope;
  headers?: Record<string, string>;
}

/**
 * One sendBatch for a relay's batch, in the order given: one aggregate's events share a key, hence a
 * partition per topic, so one batch keeps their order. Acknowledged by every in-sync replica.
 */
export async function sendOutboxEvents(producer: Producer, topicPrefix: string, events: StoredEvent[]): Promise<void> {
  const byTopic = new Map<string, Message[]>();
  for (const e of events) {
    const list = byTopic.get(e.topic) ?? [];
    list.push(toKafkaMessage(e.key, e.envelope, e.headers));
    byTopic.set(e.topic, list);
  }
  await producer.sendBatch({
    acks: -1,
    topicMessages: [...byTopic].map(([topic, messages]) => ({ topic: `${topicPrefix}${topic}`, messages })),
  });
}
