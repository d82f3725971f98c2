import { Kafka, Partitioners, Producer } from 'kafkajs';
import { coalescingProducer } from './coalescing-producer';
import { renewingProducer } from './renewing-producer';

/**
 * The idempotent producer of a service (outbox relay, replies, dead letters): retries without
 * limit so a broker outage delays a message but never drops or duplicates it on a partition, and
 * is replaced when the broker stops accepting its producer state (renewing-producer.ts). Concurrent
 * sends leave as one request (coalescing-producer.ts).
 */
export async function createIdempotentProducer(kafka: Kafka): Promise<Producer> {
  const renewing = await renewingProducer(async () => {
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 100, maxRetryTime: 5000 },
    });
    await producer.connect();
    return producer;
  }, 'IdempotentProducer');
  return coalescingProducer(renewing);
}

/**
 * The gateway's command producer: fails fast (a few retries) so a caller gets a clear 503 during a
 * broker outage. A command sent twice by a retry carries the same id; the owner's inbox applies it once.
 * Concurrent commands leave as one request (coalescing-producer.ts).
 */
export async function createCommandProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
  });
  await producer.connect();
  return coalescingProducer(producer);
}
