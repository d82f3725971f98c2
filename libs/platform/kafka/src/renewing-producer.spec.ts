import { KafkaJSNonRetriableError, KafkaJSProtocolError, Producer } from 'kafkajs';
import { isStaleProducerState, renewingProducer } from './renewing-producer';

/** The broker's answer to a producer whose sequence numbers it no longer accepts, as kafkajs throws it. */
function outOfOrder(): Error {
  const protocol = new KafkaJSProtocolError({ type: 'OUT_OF_ORDER_SEQUENCE_NUMBER', code: 45, retriable: false, message: 'The broker received an out of order sequence number' } as never);
  return new (KafkaJSNonRetriableError as unknown as new (e: Error, o: { cause: Error }) => Error)(protocol, { cause: protocol });
}

function fakeProducer(name: string, failWith: (() => Error) | null, log: string[]) {
  return {
    name,
    send: async () => {
      log.push(`send ${name}`);
      if (failWith) throw failWith();
      return [{ topicName: 't', partition: 0, errorCode: 0 }];
    },
    sendBatch: async () => [],
    disconnect: async () => { log.push(`disconnect ${name}`); },
  } as unknown as Producer;
}

describe('renewingProducer', () => {
  it('recognises the stale producer state however kafkajs wraps it, and nothing else', () => {
    expect(isStaleProducerState(outOfOrder())).toBe(true);
    expect(isStaleProducerState(new KafkaJSProtocolError({ type: 'UNKNOWN_PRODUCER_ID', code: 59, retriable: false, message: 'x' } as never))).toBe(true);
    expect(isStaleProducerState(new KafkaJSProtocolError({ type: 'NOT_LEADER_FOR_PARTITION', code: 6, retriable: true, message: 'x' } as never))).toBe(false);
    expect(isStaleProducerState(new Error('Connection error'))).toBe(false);
  });

  it('after the broker rejects its producer state, the failed send fails and the next goes through a new producer', async () => {
    const log: string[] = [];
    const made = [fakeProducer('first', outOfOrder, log), fakeProducer('second', null, log)];
    const producer = await renewingProducer(async () => made.shift()!, 'test');
    await expect(producer.send({ topic: 't', messages: [] })).rejects.toThrow('out of order sequence number');
    await expect(producer.send({ topic: 't', messages: [] })).resolves.toEqual([{ topicName: 't', partition: 0, errorCode: 0 }]);
    expect(log).toEqual(['send first', 'disconnect first', 'send second']);
  });

  it('keeps its producer on any other failure (a broker outage is retried by the caller, same producer id)', async () => {
    const log: string[] = [];
    const made = [fakeProducer('only', () => new Error('Connection error: ECONNREFUSED'), log)];
    const producer = await renewingProducer(async () => made.shift()!, 'test');
    await expect(producer.send({ topic: 't', messages: [] })).rejects.toThrow('ECONNREFUSED');
    await expect(producer.send({ topic: 't', messages: [] })).rejects.toThrow('ECONNREFUSED');
    expect(log).toEqual(['send only', 'send only']);
    await producer.disconnect();
    expect(log).toEqual(['send only', 'send only', 'disconnect only']);
  });
});
