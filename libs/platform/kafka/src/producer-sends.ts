import { Producer, ProducerBatch, ProducerRecord, RecordMetadata } from 'kafkajs';

export interface Sends {
  send: (record: ProducerRecord) => Promise<RecordMetadata[]>;
  sendBatch: (batch: ProducerBatch) => Promise<RecordMetadata[]>;
}

/**
 * A producer whose `send` and `sendBatch` are the given ones; every other member is that of the
 * producer `current()` answers at the time (the wrapped one, or its replacement).
 */
export function withSends(current: () => Producer, sends: Sends): Producer {
  return new Proxy({} as Producer, {
    get(_target, property) {
      if (property === 'send') return sends.send;
      if (property === 'sendBatch') return sends.sendBatch;
      const producer = current();
      const value = (producer as unknown as Record<string | symbol, unknown>)[property];
      return typeof value === 'function' ? value.bind(producer) : value;
    },
  });
}
