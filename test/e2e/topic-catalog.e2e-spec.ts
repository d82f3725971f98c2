import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { ALL_TOPICS, APP_NAMES } from '@labflow/contracts';

/**
 * The catalog's consumers (docs/topics.md, the Kubernetes topics) are what the running apps
 * subscribe to: each app's event group is read from the broker, both ways round.
 */
describe('topic catalog against the running apps', () => {
  it('lists exactly the topics each app consumes', async () => {
    const kafka = new Kafka({ clientId: 'catalog-check', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
      const groupPrefix = process.env.KAFKA_GROUP_PREFIX ?? 'labflow';
      const apps = APP_NAMES.filter((a) => a !== 'gateway');
      const { groups } = await admin.describeGroups(apps.map((a) => `${groupPrefix}.${a}`));
      const subscribed = (app: string): string[] => {
        const group = groups.find((g) => g.groupId === `${groupPrefix}.${app}`);
        const topics = new Set<string>();
        for (const m of group?.members ?? []) {
          for (const t of AssignerProtocol.MemberMetadata.decode(m.memberMetadata)?.topics ?? []) topics.add(t.slice(prefix.length));
        }
        return [...topics].sort();
      };
      for (const app of apps) {
        const listed = ALL_TOPICS.filter((t) => t.consumers.includes(app)).map((t) => t.name).sort();
        expect({ app, consumes: subscribed(app) }).toEqual({ app, consumes: listed });
      }
    } finally {
      await admin.disconnect();
    }
  });
});
