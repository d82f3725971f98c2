import { Kafka, logLevel, Producer } from 'kafkajs';
import { ActivityLogged, newEnvelope, TOPICS } from '@labflow/contracts';
import { toKafkaMessage } from '@labflow/platform/kafka';
import { call, eventually, freshLabId, tokenFor } from '@labflow/testing';

/**
 * audit consumes activity.logged (from critical-callout, and rerun with codes 980/981/984/985): each
 * envelope stored once in PostgreSQL (inbox) and mirrored to Elasticsearch under its envelope id.
 */
describe('audit: activity.logged → activity log and its Elasticsearch mirror', () => {
  const labId = freshLabId();
  const labReportId = 400_000 + Math.floor(Math.random() * 1_000_000);
  let producer: Producer;
  let token: string;
  const topic = `${process.env.KAFKA_TOPIC_PREFIX ?? ''}${TOPICS.activityLogged.name}`;
  const elastic = process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200';
  const index = `${process.env.ELASTICSEARCH_INDEX_PREFIX ?? 'labflow'}-activity-log`;

  const entry = (over: Partial<ActivityLogged>): ActivityLogged => ({
    labId, logCategoryId: 648, labReportId, userId: '7', labUserName: 'Dr. Smith', activityText: 'Callout Attempted by - Dr. Smith',
    meta: { is_draft: false, method: 'phone' }, activityDate: new Date().toISOString(), ...over,
  });
  const publish = async (e: ReturnType<typeof newEnvelope<ActivityLogged>>) =>
    producer.send({ topic, messages: [toKafkaMessage(String(e.payload.labReportId), e)] });
  const ctx = (lab: number) => ({ labId: lab, correlationId: `audit-test-${labId}`, causationId: null });

  beforeAll(async () => {
    token = await tokenFor({ lab_id: labId });
    const kafka = new Kafka({ clientId: 'audit-e2e', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
  });
  afterAll(() => producer.disconnect());

  it('a redelivered entry is stored once; other categories and other labs stay out of the callout timeline', async () => {
    const callout = newEnvelope(TOPICS.activityLogged.name, 1, entry({}), ctx(labId));
    const rerun = newEnvelope(TOPICS.activityLogged.name, 1, entry({ logCategoryId: 981, activityText: 'Rerun requested' }), ctx(labId));
    const foreign = newEnvelope(TOPICS.activityLogged.name, 1, entry({ labId: labId + 1 }), ctx(labId + 1));
    await publish(callout);
    await publish(rerun);
    await publish(foreign);
    await publish(callout);

    const logs = () => call('GET', `/report/bulk/critical-notification/logs?report_ids=${labReportId}`, { token });
    const res = await eventually(logs, (r) => r.body.length >= 1);
    await new Promise((r) => setTimeout(r, 1500));
    const settled = await logs();
    expect(settled.status).toBe(200);
    expect(settled.body).toEqual([{
      meta: { is_draft: false, method: 'phone' }, labUserName: 'Dr. Smith', activityText: 'Callout Attempted by - Dr. Smith',
      activityDate: callout.payload.activityDate,
    }]);
    expect(res.body).toHaveLength(1);

    const mirrored = await eventually(() => fetch(`${elastic}/${index}/_doc/${callout.id}`).then((r) => r.json() as Promise<{ found?: boolean; _source?: unknown }>), (d) => d.found === true);
    expect(mirrored._source).toMatchObject({
      labId, logCategoryId: 648, labReportId, labUserName: 'Dr. Smith', dumpedJson: JSON.stringify({ is_draft: false, method: 'phone' }),
    });
  });
});
