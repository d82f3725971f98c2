import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { newEnvelope } from '@labflow/contracts';
import { createIdempotentProducer, PgOutboxRelay } from '@labflow/platform/kafka';
import { HealthRegistry, outboxReadiness } from '@labflow/platform/service';
import { eventually } from '@labflow/testing';
import { BROKERS, dropTestSchema, openTestSchema, PG_URL, PREFIX } from './platform-fixture';

const schema = `it_readiness_${randomUUID().slice(0, 8)}`;
/** A topic the broker does not have (topics are never created on the fly): the relay cannot publish. */
const missingTopic = `it.missing.${randomUUID().slice(0, 8)}`;
const STALLED_AFTER_MS = 2000;

describe('outbox readiness on the real stores and broker', () => {
  let dataSource: DataSource;
  let kafka: Kafka;
  let producer: Producer;
  let relay: PgOutboxRelay;
  const health = new HealthRegistry();

  beforeAll(async () => {
    dataSource = await openTestSchema(schema);
    kafka = new Kafka({ clientId: 'it-readiness', brokers: BROKERS, logLevel: logLevel.NOTHING });
    producer = await createIdempotentProducer(kafka);
    relay = new PgOutboxRelay({ schema, postgresUrl: PG_URL, producer, idleWaitMs: 50, topicPrefix: PREFIX });
    health.register('outbox', outboxReadiness(relay, () => relay.backlog((sql) => dataSource.query(sql)), STALLED_AFTER_MS));
    relay.start();
  });

  afterAll(async () => {
    await relay.stop();
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [`${PREFIX}${missingTopic}`] }).catch(() => undefined);
    await admin.disconnect();
    await dropTestSchema(dataSource, schema);
  });

  it('is red while an event cannot leave although every store answers, and green once it has left', async () => {
    expect((await health.report()).status).toBe('ok');
    const envelope = newEnvelope(missingTopic, 1, { n: 1 }, { labId: 1, correlationId: randomUUID(), causationId: null });
    await dataSource.query(
      `INSERT INTO "${schema}".outbox (id, topic, key, envelope) VALUES ($1, $2, 'k', $3)`, [envelope.id, missingTopic, JSON.stringify(envelope)],
    );

    const red = await eventually(() => health.report(), (r) => r.status === 'error', 30_000, 200);
    expect(red.checks.outbox.error).toMatch(/^outbox relay failing for \d+ s, 1 events waiting: /);

    // the operator's fix: the topic exists; the relay's pending send goes through and nothing is lost
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: `${PREFIX}${missingTopic}`, numPartitions: 1 }] });
    await admin.disconnect();
    const green = await eventually(() => health.report(), (r) => r.status === 'ok', 60_000, 200);
    expect(green.checks.outbox.details).toMatchObject({ count: 0, lastError: null });
    const [row] = await dataSource.query(`SELECT published_at FROM "${schema}".outbox WHERE id = $1`, [envelope.id]);
    expect(row.published_at).not.toBeNull();
  });
});
