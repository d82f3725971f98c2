import { KafkaJSProtocolError, Producer, ProducerBatch, RecordMetadata } from 'kafkajs';
import { coalescingProducer } from './coalescing-producer';

/** A producer that records each request and answers when the test lets it. */
function recordingProducer() {
  const requests: ProducerBatch[] = [];
  const answers: Array<{ resolve: (m: RecordMetadata[]) => void; reject: (e: unknown) => void }> = [];
  const inner = {
    sendBatch: (batch: ProducerBatch) => {
      requests.push(batch);
      return new Promise<RecordMetadata[]>((resolve, reject) => answers.push({ resolve, reject }));
    },
    send: () => {
      throw new Error('the coalescing producer sends through sendBatch only');
    },
    disconnect: async () => undefined,
  } as unknown as Producer;
  const metadataOf = (batch: ProducerBatch): RecordMetadata[] =>
    (batch.topicMessages ?? []).map((t) => ({ topicName: t.topic, partition: 0, errorCode: 0 }));
  return {
    inner,
    requests,
    /** Answers the oldest unanswered request with the partitions of its topics. */
    answer: () => answers.shift()!.resolve(metadataOf(requests[requests.length - answers.length - 1])),
    fail: (error: unknown) => answers.shift()!.reject(error),
    values: (i: number) => (requests[i].topicMessages ?? []).flatMap((t) => t.messages.map((m) => `${t.topic}:${String(m.value)}`)),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const send = (producer: Producer, topic: string, value: string, acks = -1) => producer.send({ topic, acks, messages: [{ key: value, value }] });

describe('coalescingProducer', () => {
  it('sends a lone send at once, as its own request', async () => {
    const fake = recordingProducer();
    const producer = coalescingProducer(fake.inner);
    const sent = send(producer, 'a', '1');
    await tick();
    expect(fake.requests).toHaveLength(1);
    fake.answer();
    await expect(sent).resolves.toEqual([{ topicName: 'a', partition: 0, errorCode: 0 }]);
  });

  it('sends everything sent while a request is in flight as the next request, in the order sent', async () => {
    const fake = recordingProducer();
    const producer = coalescingProducer(fake.inner);
    const first = send(producer, 'a', '1');
    const rest = [send(producer, 'a', '2'), send(producer, 'b', '3'), producer.sendBatch({ acks: -1, topicMessages: [{ topic: 'a', messages: [{ value: '4' }, { value: '5' }] }] })];
    await tick();
    expect(fake.requests).toHaveLength(1);
    fake.answer();
    await first;
    await tick();
    expect(fake.requests).toHaveLength(2);
    expect(fake.values(1)).toEqual(['a:2', 'b:3', 'a:4', 'a:5']);
    fake.answer();
    const [second, third, fourth] = await Promise.all(rest);
    expect(second).toEqual([{ topicName: 'a', partition: 0, errorCode: 0 }, { topicName: 'a', partition: 0, errorCode: 0 }]);
    expect(third).toEqual([{ topicName: 'b', partition: 0, errorCode: 0 }]);
    expect(fourth.every((m) => m.topicName === 'a')).toBe(true);
  });

  it('never puts more than the limits in one request, nor sends with different acks', async () => {
    const fake = recordingProducer();
    const producer = coalescingProducer(fake.inner, { maxMessages: 2, maxBytes: 1024 * 1024 });
    const all = [send(producer, 'a', '0'), send(producer, 'a', '1'), send(producer, 'a', '2'), send(producer, 'a', '3'), send(producer, 'a', '4', 1)];
    for (let i = 0; i < 4; i++) {
      await tick();
      fake.answer();
    }
    await Promise.all(all);
    expect(fake.requests.map((_, i) => fake.values(i))).toEqual([['a:0'], ['a:1', 'a:2'], ['a:3'], ['a:4']]);
    expect(fake.requests.map((r) => r.acks)).toEqual([-1, -1, -1, 1]);
  });

  it('fails every send of a request the broker did not take, and goes on with the next', async () => {
    const fake = recordingProducer();
    const producer = coalescingProducer(fake.inner);
    const first = send(producer, 'a', '1');
    const together = [send(producer, 'a', '2'), send(producer, 'a', '3')];
    await tick();
    fake.answer();
    await first;
    await tick();
    fake.fail(new Error('Connection error: ECONNREFUSED'));
    for (const t of together) await expect(t).rejects.toThrow('ECONNREFUSED');
    const after = send(producer, 'a', '4');
    await tick();
    fake.answer();
    await expect(after).resolves.toHaveLength(1);
  });

  it('sends each caller alone again when the broker refused a message, so only its sender fails', async () => {
    const fake = recordingProducer();
    const producer = coalescingProducer(fake.inner);
    const first = send(producer, 'a', '1');
    const fine = send(producer, 'a', 'small');
    const large = send(producer, 'a', 'large');
    await tick();
    fake.answer();
    await first;
    await tick();
    fake.fail(new KafkaJSProtocolError({ type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false, message: 'The request included a message larger than the max message size the server will accept' } as never));
    await tick();
    expect(fake.values(2)).toEqual(['a:small']);
    fake.answer();
    await expect(fine).resolves.toHaveLength(1);
    await tick();
    expect(fake.values(3)).toEqual(['a:large']);
    fake.fail(new KafkaJSProtocolError({ type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false, message: 'too large' } as never));
    await expect(large).rejects.toThrow('too large');
  });

  it('leaves everything else to the producer it wraps', async () => {
    const fake = recordingProducer();
    const producer = coalescingProducer(fake.inner);
    await expect(producer.disconnect()).resolves.toBeUndefined();
  });
});
