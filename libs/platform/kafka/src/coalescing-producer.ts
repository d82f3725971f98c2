import { CompressionTypes, Message, Producer, ProducerBatch, ProducerRecord, RecordMetadata, TopicMessages } from 'kafkajs';
import { producedMessages, produceRequests } from '@labflow/platform/observability';
import { hasKafkaErrorType } from './kafka-error-type';
import { withSends } from './producer-sends';

/** What one produce request may carry: well below the broker's default 1 MB record batch limit. */
export interface CoalescingLimits {
  maxMessages: number;
  maxBytes: number;
}

export const DEFAULT_COALESCING_LIMITS: CoalescingLimits = { maxMessages: 500, maxBytes: 512 * 1024 };

/**
 * Broker answers about a message rather than the broker: a merged request that fails with one of
 * them is sent again one caller at a time, so only the caller whose message it was sees it.
 */
const MESSAGE_ERRORS = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE', 'INVALID_TIMESTAMP']);

interface Queued {
  batch: ProducerBatch;
  messages: number;
  bytes: number;
  resolve: (metadata: RecordMetadata[]) => void;
  reject: (error: unknown) => void;
}

/**
 * A producer whose concurrent sends leave as one produce request: a send made while an earlier
 * request is in flight waits for it, then leaves with every other send made meanwhile (one
 * `sendBatch`). A send made when nothing is in flight leaves at once, so a lone caller waits no
 * longer than before; under load each request carries many messages, and a produce request is most
 * of a send's cost (encoding, a socket write, the broker's append). Order is kept: messages leave in
 * the order they were sent, and kafkajs keeps that order within a partition. Each caller gets its
 * own outcome: a broker failure fails every send of the request (each caller retries or answers
 * 503, as it would have alone), a failure about a message is retried caller by caller.
 * Sends with different acks, timeout or compression never share a request.
 */
export function coalescingProducer(inner: Producer, limits: CoalescingLimits = DEFAULT_COALESCING_LIMITS): Producer {
  const queue = new SendQueue(inner, limits);
  const send = (record: ProducerRecord): Promise<RecordMetadata[]> =>
    queue.enqueue({ acks: record.acks, timeout: record.timeout, compression: record.compression, topicMessages: [{ topic: record.topic, messages: record.messages }] });
  const sendBatch = (batch: ProducerBatch): Promise<RecordMetadata[]> => queue.enqueue(batch);
  return withSends(() => inner, { send, sendBatch });
}

class SendQueue {
  private readonly waiting: Queued[] = [];
  private draining = false;

  constructor(
    private readonly inner: Producer,
    private readonly limits: CoalescingLimits,
  ) {}

  enqueue(batch: ProducerBatch): Promise<RecordMetadata[]> {
    const messages = (batch.topicMessages ?? []).flatMap((t) => t.messages);
    return new Promise((resolve, reject) => {
      this.waiting.push({ batch, messages: messages.length, bytes: messages.reduce((sum, m) => sum + sizeOf(m), 0), resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.waiting.length > 0) await this.sendTogether(this.takeRequest());
    } finally {
      this.draining = false;
    }
  }

  /** The oldest send and the sends after it that fit one request with the same settings. */
  private takeRequest(): Queued[] {
    const first = this.waiting.shift() as Queued;
    const taken = [first];
    let messages = first.messages;
    let bytes = first.bytes;
    while (this.waiting.length > 0) {
      const next = this.waiting[0];
      if (!sameSettings(first.batch, next.batch)) break;
      if (messages + next.messages > this.limits.maxMessages || bytes + next.bytes > this.limits.maxBytes) break;
      taken.push(this.waiting.shift() as Queued);
      messages += next.messages;
      bytes += next.bytes;
    }
    return taken;
  }

  private async sendTogether(sends: Queued[]): Promise<void> {
    if (sends.length === 1) return this.sendAlone(sends[0]);
    const { acks, timeout, compression } = sends[0].batch;
    counted(sends);
    try {
      const metadata = await this.inner.sendBatch({ acks, timeout, compression, topicMessages: sends.flatMap((s) => s.batch.topicMessages ?? []) });
      for (const s of sends) s.resolve(metadataFor(s.batch, metadata));
    } catch (error) {
      if (!hasKafkaErrorType(error, MESSAGE_ERRORS)) {
        for (const s of sends) s.reject(error);
        return;
      }
      for (const s of sends) await this.sendAlone(s);
    }
  }

  private async sendAlone(queued: Queued): Promise<void> {
    counted([queued]);
    try {
      queued.resolve(await this.inner.sendBatch(queued.batch));
    } catch (error) {
      queued.reject(error);
    }
  }
}

function counted(sends: Queued[]): void {
  produceRequests.inc();
  producedMessages.inc(sends.reduce((sum, s) => sum + s.messages, 0));
}

function sameSettings(a: ProducerBatch, b: ProducerBatch): boolean {
  return (a.acks ?? -1) === (b.acks ?? -1) && a.timeout === b.timeout && (a.compression ?? CompressionTypes.None) === (b.compression ?? CompressionTypes.None);
}

function sizeOf(message: Message): number {
  const length = (v: unknown): number => (v == null ? 0 : typeof v === 'string' ? Buffer.byteLength(v) : Buffer.isBuffer(v) ? v.length : 0);
  let headers = 0;
  for (const [name, value] of Object.entries(message.headers ?? {})) headers += Buffer.byteLength(name) + (Array.isArray(value) ? value.reduce((s, v) => s + length(v), 0) : length(value));
  return length(message.key) + length(message.value) + headers + 64;
}

/** The partitions of the caller's topics: what its own send would have answered. */
function metadataFor(batch: ProducerBatch, metadata: RecordMetadata[]): RecordMetadata[] {
  const topics = new Set((batch.topicMessages ?? []).map((t: TopicMessages) => t.topic));
  return metadata.filter((m) => topics.has(m.topicName));
}

