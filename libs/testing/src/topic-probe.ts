import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { Envelope, envelopeProblems, topicByName, validatePayload } from '@labflow/contracts';

export interface ReceivedMessage<P = any> {
  topic: string;
  partition: number;
  key: string | null;
  headers: Record<string, string>;
  envelope: Envelope<P>;
  raw: KafkaMessage;
}

/**
 * A plain kafkajs consumer outside the apps, as a downstream system would be: reads a topic from
 * the beginning in a group of its own and keeps every message, so a test can wait for its event.
 */
export class TopicProbe {
  private readonly consumer: Consumer;
  readonly messages: ReceivedMessage[] = [];

  private constructor(kafka: Kafka, private readonly topics: string[]) {
    this.consumer = kafka.consumer({ groupId: `test-probe-${randomUUID()}`, maxWaitTimeInMs: 50 });
  }

  /**
   * `from: 'now'` reads only what is produced after start() resolved: for a topic every test writes
   * (gateway.replies, the DLQs), where reading from the beginning means decoding the whole run's
   * backlog before the message a test waits for (it outlasted the 30 s wait on a long-lived machine).
   */
  static async start(topics: string[], options: { from?: 'beginning' | 'now'; brokers?: string } = {}): Promise<TopicProbe> {
    const brokers = options.brokers ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
    const kafka = new Kafka({ clientId: 'test-probe', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
    const probe = new TopicProbe(kafka, topics.map((t) => `${prefix}${t}`));
    await probe.consumer.connect();
    try {
      const ends = options.from === 'now' ? await endOffsets(kafka, probe.topics) : null;
      await probe.listen(prefix);
      // seek applies before the first fetch of each partition: nothing produced after `ends` is missed
      for (const end of ends ?? []) probe.consumer.seek(end);
    } catch (error) {
      // an unknown topic, a broker gone: no connected consumer left behind to keep the test run alive
      await probe.consumer.disconnect().catch(() => undefined);
      throw error;
    }
    return probe;
  }

  private async listen(prefix: string): Promise<void> {
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        let envelope: Envelope;
        try {
          envelope = JSON.parse(message.value?.toString() ?? 'null') as Envelope;
        } catch {
          return;
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(Array.isArray(v) ? v[0] : v);
        this.messages.push({ topic: topic.slice(prefix.length), partition, key: message.key?.toString() ?? null, headers, envelope, raw: message });
      },
    });
  }

  /** Waits for messages matching `match`; resolves with all of them once `count` were seen. */
  async waitFor<P = any>(match: (m: ReceivedMessage<P>) => boolean, count = 1, timeoutMs = 30_000): Promise<ReceivedMessage<P>[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter(match as (m: ReceivedMessage) => boolean) as ReceivedMessage<P>[];
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} message(s) on ${this.topics.join(',')} within ${timeoutMs}ms, saw ${found.length}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Every message of the topic matching `match` so far (to assert "exactly once" after settling). */
  matching<P = any>(match: (m: ReceivedMessage<P>) => boolean): ReceivedMessage<P>[] {
    return this.messages.filter(match as (m: ReceivedMessage) => boolean) as ReceivedMessage<P>[];
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

/** Each partition's high watermark: where a probe reading "from now" starts. */
async function endOffsets(kafka: Kafka, topics: string[]): Promise<{ topic: string; partition: number; offset: string }[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const perTopic = await Promise.all(topics.map(async (topic) => (await admin.fetchTopicOffsets(topic)).map((p) => ({ topic, partition: p.partition, offset: p.high }))));
    return perTopic.flat();
  } finally {
    await admin.disconnect();
  }
}

/** An envelope is valid when its structure and its payload (against the catalog class) are. */
export function envelopeIsValid(envelope: Envelope): string[] {
  const problems = envelopeProblems(envelope);
  const spec = topicByName(envelope.type);
  if (!spec) return [...problems, `type ${envelope.type} is not a catalog topic`];
  return [...problems, ...validatePayload(spec.payload, envelope.payload).problems];
}
