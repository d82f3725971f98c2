import { Logger } from '@nestjs/common';
import { Producer, ProducerBatch, ProducerRecord, RecordMetadata } from 'kafkajs';
import { hasKafkaErrorType } from './kafka-error-type';
import { withSends } from './producer-sends';

/**
 * Broker answers after which an idempotent producer's id and sequence numbers are out of step with
 * the broker (seen after a broker restart): kafkajs keeps failing every send with them until the
 * producer is replaced, so an outbox relay would stay stuck after the outage (fault suite, kafka).
 */
const STALE_PRODUCER_STATE = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

export function isStaleProducerState(error: unknown): boolean {
  return hasKafkaErrorType(error, STALE_PRODUCER_STATE);
}

/**
 * A producer that replaces the kafkajs producer it wraps when a send fails because the broker no
 * longer accepts its producer state: the failed send still fails (its caller retries, now with a new
 * producer id; a message that did land is de-duplicated by the consumers' inboxes), every later send
 * goes through the new producer. Everything else is the wrapped producer's.
 */
export async function renewingProducer(create: () => Promise<Producer>, name: string): Promise<Producer> {
  const logger = new Logger(name);
  let current = await create();
  let renewing: Promise<void> | null = null;
  const renew = (stale: Producer): Promise<void> => {
    renewing ??= (async () => {
      try {
        if (current !== stale) return; // another send renewed it already
        current = await create();
        logger.warn('producer state rejected by the broker: replaced the producer');
        await stale.disconnect().catch(() => undefined);
      } finally {
        renewing = null;
      }
    })();
    return renewing;
  };
  const guarded = <A>(method: 'send' | 'sendBatch') => async (argument: A): Promise<RecordMetadata[]> => {
    if (renewing) await renewing.catch(() => undefined);
    const producer = current;
    try {
      return await (producer[method] as (a: A) => Promise<RecordMetadata[]>)(argument);
    } catch (error) {
      if (isStaleProducerState(error)) await renew(producer).catch((e: unknown) => logger.warn(`producer not replaced yet: ${(e as Error).message}`));
      throw error;
    }
  };
  return withSends(() => current, { send: guarded<ProducerRecord>('send'), sendBatch: guarded<ProducerBatch>('sendBatch') });
}
