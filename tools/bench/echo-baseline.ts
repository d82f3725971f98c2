import Fastify, { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, Producer, logLevel } from 'kafkajs';
import { send } from './http';

/**
 * The gateway round trip's baseline: a bare Fastify handler doing one kafkajs request/reply echo
 * (request topic → an echo consumer → reply topic → the waiting handler). No Nest, no validation,
 * no store: what Kafka request/reply alone costs on this machine.
 */
export class EchoBaseline {
  private app: FastifyInstance | null = null;
  private producer: Producer | null = null;
  private consumers: Consumer[] = [];
  private readonly pending = new Map<string, () => void>();

  constructor(private readonly kafka: Kafka, private readonly prefix: string, readonly port: number) {}

  static kafka(): Kafka {
    return new Kafka({ clientId: 'bench-echo', brokers: ['127.0.0.1:9092'], logLevel: logLevel.NOTHING });
  }

  async start(): Promise<void> {
    const requests = `${this.prefix}bench.echo.requests`;
    const replies = `${this.prefix}bench.echo.replies`;
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [requests, replies].map((topic) => ({ topic, numPartitions: 6 })) }).catch(() => undefined);
    // a topic created a moment ago may not have leaders in the metadata yet: wait until it does
    for (let tries = 0; ; tries++) {
      const ok = await admin.fetchTopicMetadata({ topics: [requests, replies] })
        .then((m) => m.topics.every((t) => t.partitions.length === 6 && t.partitions.every((p) => p.leader >= 0)), () => false);
      if (ok) break;
      if (tries > 50) throw new Error(`echo topics ${requests}, ${replies} have no leaders`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await admin.disconnect();
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    const producer = this.producer;
    const echo = this.kafka.consumer({ groupId: `bench-echo-${randomUUID()}`, maxWaitTimeInMs: 50 });
    const back = this.kafka.consumer({ groupId: `bench-echo-replies-${randomUUID()}`, maxWaitTimeInMs: 50 });
    this.consumers = [echo, back];
    await echo.connect();
    await back.connect();
    await echo.subscribe({ topics: [requests], fromBeginning: false });
    await back.subscribe({ topics: [replies], fromBeginning: false });
    await echo.run({
      partitionsConsumedConcurrently: 6,
      eachMessage: async ({ message }) => {
        await producer.send({ topic: replies, acks: -1, messages: [{ key: message.key, value: message.value }] });
      },
    });
    await back.run({
      partitionsConsumedConcurrently: 6,
      eachMessage: async ({ message }) => {
        const id = message.key?.toString() ?? '';
        this.pending.get(id)?.();
        this.pending.delete(id);
      },
    });
    await new Promise((r) => setTimeout(r, 3000)); // both groups positioned at the end
    this.app = Fastify();
    this.app.get('/echo/:id', async (request) => {
      const id = randomUUID();
      const answered = new Promise<void>((resolve) => this.pending.set(id, resolve));
      await producer.send({ topic: requests, acks: -1, messages: [{ key: id, value: JSON.stringify(request.params) }] });
      await answered;
      return { ok: true };
    });
    await this.app.listen({ port: this.port, host: '127.0.0.1' });
  }

  /** One echo round trip through the bare handler; true when it answered 200. */
  async call(n: number): Promise<boolean> {
    return (await send(`http://127.0.0.1:${this.port}/echo/${n}`, 'GET')).status === 200;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await Promise.all(this.consumers.map((c) => c.disconnect()));
    await this.producer?.disconnect();
  }
}
