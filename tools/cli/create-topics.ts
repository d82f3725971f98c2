import { Kafka, logLevel } from 'kafkajs';
import { topicPlan } from '@labflow/contracts';

/** Creates every topic of the catalog (with its DLQ and the command/reply topics); idempotent. */
export async function createTopics(brokers: string, partitions: number): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'labflow-topics', brokers: brokers.split(','), logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topicPlan(partitions).filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions, replicationFactor: 1 })),
      });
    }
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}

if (require.main === module) {
  const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
  const partitions = Number(process.env.KAFKA_PARTITIONS ?? 6);
  createTopics(brokers, partitions)
    .then((created) => console.log(created.length ? `created ${created.length} topics` : 'topics already exist'))
    .catch((error: unknown) => {
      console.error(`topic creation failed: ${(error as Error).message}`);
      process.exit(1);
    });
}
