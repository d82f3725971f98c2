import { Kafka, logLevel } from 'kafkajs';
import { topicPlan } from '@labflow/contracts';

/** Creates every topic of the catalog (with its DLQ and the command/reply topics); idempotent. */
export async function createTopics(brokers: string, partitions: number, prefix = ''): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'labflow-topics', brokers: brokers.split(','), logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topicPlan(partitions).map((t) => ({ ...t, topic: `${prefix}${t.topic}` })).filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      // waitForLeaders can fail right after a broker start (UNKNOWN_TOPIC_OR_PARTITION is not retried
      // by kafkajs); poll the metadata ourselves instead.
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions, replicationFactor: 1 })),
      });
      await waitForLeaders(admin, missing.map((t) => t.topic));
    }
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin: ReturnType<Kafka['admin']>, topics: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const { topics: meta } = await admin.fetchTopicMetadata({ topics });
      if (meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error('topics have no leaders after 60s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

if (require.main === module) {
  const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
  const partitions = Number(process.env.KAFKA_PARTITIONS ?? 6);
  createTopics(brokers, partitions, process.env.KAFKA_TOPIC_PREFIX ?? '')
    .then((created) => console.log(created.length ? `created ${created.length} topics` : 'topics already exist'))
    .catch((error: unknown) => {
      console.error(`topic creation failed: ${(error as Error).message}`);
      process.exit(1);
    });
}
