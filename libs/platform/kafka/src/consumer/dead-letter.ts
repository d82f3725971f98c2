import { Logger } from '@nestjs/common';
import { KafkaMessage, Producer } from 'kafkajs';
import { dlqTopicOf } from '@labflow/contracts';
import { deadLetters } from '@labflow/platform/observability';

export const DLQ_HEADER = {
  error: 'dlq-error',
  reason: 'dlq-reason',
  group: 'dlq-consumer-group',
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
} as const;

export type DeadLetterReason = 'unparseable' | 'invalid-envelope' | 'invalid-payload' | 'no-handler' | 'handler-failed';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: DeadLetterReason;
  error: string;
  attempts: number;
  consumerGroup: string;
}

/**
 * Writes a failed message to `<topic>.dlq` with why it failed, and only returns once the broker
 * acknowledged it: the caller commits the original offset after this, never before (DESIGN §3).
 */
export class DeadLetterWriter {
  private readonly logger = new Logger('DeadLetter');
  written = 0;

  constructor(private readonly producer: Producer, private readonly isRunning: () => boolean) {}

  async write(letter: DeadLetter): Promise<void> {
    const headers: Record<string, string | Buffer> = {};
    for (const [k, v] of Object.entries(letter.message.headers ?? {})) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? String(v[0]) : (v as Buffer | string);
    }
    Object.assign(headers, {
      [DLQ_HEADER.error]: letter.error.slice(0, 4000),
      [DLQ_HEADER.reason]: letter.reason,
      [DLQ_HEADER.group]: letter.consumerGroup,
      [DLQ_HEADER.topic]: letter.topic,
      [DLQ_HEADER.partition]: String(letter.partition),
      [DLQ_HEADER.offset]: letter.message.offset,
      [DLQ_HEADER.attempts]: String(letter.attempts),
      [DLQ_HEADER.failedAt]: new Date().toISOString(),
    });
    for (let attempt = 1; ; attempt++) {
      try {
        await this.producer.send({
          topic: dlqTopicOf(letter.topic),
          acks: -1,
          messages: [{ key: letter.message.key, value: letter.message.value, headers }],
        });
        this.written++;
        deadLetters.inc({ topic: letter.topic, reason: letter.reason });
        this.logger.warn(`${letter.topic}[${letter.partition}]@${letter.message.offset} -> ${dlqTopicOf(letter.topic)}: ${letter.reason}: ${letter.error}`);
        return;
      } catch (error) {
        // The broker is down: keep the message (offset not committed) until the DLQ write succeeds.
        if (!this.isRunning()) throw error;
        this.logger.error(`DLQ write failed (attempt ${attempt}): ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, Math.min(5000, 200 * attempt)));
      }
    }
  }
}
