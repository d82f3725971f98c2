import { Kafka } from 'kafkajs';
import { dlqTopicOf } from '@labflow/contracts';
import { createIdempotentProducer } from '../producer';
import { stringHeaders } from '../wire';
import { DLQ_HEADER } from './dead-letter';

export interface ReplayOptions {
  kafka: Kafka;
  /** The catalog topic whose dead letters are replayed. */
  topic: string;
  topicPrefix?: string;
  /** Replay only the letters one consumer group failed (others already applied those messages). */
  onlyGroup?: string;
  dryRun?: boolean;
  onLetter?: (headers: Record<string, string>) => void;
}

/**
 * Replays `<topic>.dlq` into `<topic>` up to the end it had when the replay started. Messages keep
 * their envelope id, so consumers that applied one already (inbox) ignore it. Progress is committed
 * in group `labflow-dlq-replay.<topic>`: a second replay only takes newer letters.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<{ replayed: number; skipped: number }> {
  const prefix = options.topicPrefix ?? '';
  const dlq = `${prefix}${dlqTopicOf(options.topic)}`;
  const admin = options.kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(dlq)).map((p) => [p.partition, Number(p.high)]));
  const committed = await admin.fetchOffsets({ groupId: `labflow-dlq-replay.${prefix}${options.topic}`, topics: [dlq] });
  await admin.disconnect();
  const done = new Set<number>();
  for (const [partition, high] of ends) {
    const from = Number(committed[0]?.partitions.find((p) => p.partition === partition)?.offset ?? -1);
    if (high === 0 || from >= high) done.add(partition);
  }
  const result = { replayed: 0, skipped: 0 };
  if (done.size === ends.size) return result;
  const producer = await createIdempotentProducer(options.kafka);
  const consumer = options.kafka.consumer({ groupId: `labflow-dlq-replay.${prefix}${options.topic}`, maxWaitTimeInMs: 100 });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [dlq], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          if (done.has(partition)) return;
          const headers = stringHeaders(message.headers);
          options.onLetter?.(headers);
          if (options.onlyGroup && headers[DLQ_HEADER.group] !== options.onlyGroup) {
            result.skipped++;
          } else {
            if (!options.dryRun) {
              const original = Object.fromEntries(Object.entries(headers).filter(([k]) => !k.startsWith('dlq-')));
              await producer.send({ topic: `${prefix}${options.topic}`, acks: -1, messages: [{ key: message.key, value: message.value, headers: original }] });
            }
            result.replayed++;
          }
          if (!options.dryRun) {
            await consumer.commitOffsets([{ topic: dlq, partition, offset: String(Number(message.offset) + 1) }]);
          }
          if (Number(message.offset) + 1 >= (ends.get(partition) ?? 0)) done.add(partition);
          if (done.size === ends.size) resolve();
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
  return result;
}
