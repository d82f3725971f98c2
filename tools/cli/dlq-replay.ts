import { Kafka, logLevel } from 'kafkajs';
import { topicByName } from '@labflow/contracts';
import { DLQ_HEADER, replayDeadLetters } from '@labflow/platform/kafka';

import { parseCli, runCli, UsageError } from './cli-args';

const USAGE = `Usage: npm run dlq:replay -- --topic <topic> [--only-group <group>] [--dry-run]

Replays the dead-letter topic <topic>.dlq into <topic> once the cause is fixed.

Options:
  --topic <topic>         a catalog topic, e.g. device.data.received (required)
  --only-group <group>    replay only letters of this consumer group, e.g. labflow.reporting
  --dry-run               list what would be replayed, send nothing
  -h, --help              this help`;

const OPTIONS = { topic: { type: 'string' }, 'only-group': { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;

async function main(): Promise<'help' | void> {
  const parsed = parseCli({ usage: USAGE, options: OPTIONS }, process.argv.slice(2));
  if (!parsed) return 'help';
  const { topic, 'only-group': onlyGroup, 'dry-run': dryRun = false } = parsed.values;
  if (!topic || !topicByName(topic)) throw new UsageError('--topic must name a catalog topic');
  const kafka = new Kafka({ clientId: 'labflow-dlq-replay', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.ERROR });
  const result = await replayDeadLetters({
    kafka, topic, dryRun, topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '', onlyGroup,
    onLetter: (h) => console.log(`${dryRun ? 'would replay' : 'replaying'} ${h['message-id']} [${h[DLQ_HEADER.group]}] ${h[DLQ_HEADER.reason]}: ${h[DLQ_HEADER.error]}`),
  });
  console.log(`${dryRun ? 'would replay' : 'replayed'} ${result.replayed} message(s)${result.skipped ? `, skipped ${result.skipped} of other groups` : ''}`);
}

runCli(USAGE, main, 'dlq replay failed: ');
