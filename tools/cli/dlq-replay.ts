import { Kafka, logLevel } from 'kafkajs';
import { topicByName } from '@labflow/contracts';
import { DLQ_HEADER, replayDeadLetters } from '@labflow/platform/kafka';

/**
 * Replays a dead-letter topic into its original topic once the cause is fixed:
 *   npm run dlq:replay -- --topic device.data.received [--only-group labflow.reporting] [--dry-run]
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const topic = arg('topic');
  if (!topic || !topicByName(topic)) throw new Error('--topic must name a catalog topic');
  const dryRun = process.argv.includes('--dry-run');
  const kafka = new Kafka({ clientId: 'labflow-dlq-replay', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.ERROR });
  const result = await replayDeadLetters({
    kafka, topic, dryRun, topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '', onlyGroup: arg('only-group'),
    onLetter: (h) => console.log(`${dryRun ? 'would replay' : 'replaying'} ${h['message-id']} [${h[DLQ_HEADER.group]}] ${h[DLQ_HEADER.reason]}: ${h[DLQ_HEADER.error]}`),
  });
  console.log(`${dryRun ? 'would replay' : 'replayed'} ${result.replayed} message(s)${result.skipped ? `, skipped ${result.skipped} of other groups` : ''}`);
}

main().catch((error: unknown) => {
  console.error(`dlq replay failed: ${(error as Error).message}`);
  process.exit(1);
});
