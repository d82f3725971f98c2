import { Kafka, Producer } from 'kafkajs';

/** The idempotent producer (exactly-once per partition on retries, order kept). */
export async function createIdempotentProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    retry: { retries: 10, initialRetryTime: 100, maxRetryTime: 3000 },
  });
  await producer.connect();
  return producer;
}
