import { Controller, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { INestMicroservice } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { DataSource } from 'typeorm';
import { DeviceRegistered, Envelope, newEnvelope, TOPICS } from '@labflow/contracts';
import {
  createIdempotentProducer, KafkaMessageContext, replayDeadLetters, KafkaTransport, PgInbox, PgOutbox, PgOutboxRelay, toKafkaMessage,
} from '@labflow/platform/kafka';
import { runWithTraceContext } from '@labflow/platform/observability';
import { PassthroughRpcFilter } from '@labflow/platform/service';
import { freshLabId, TopicProbe } from '@labflow/testing';
import {
  appliedNames, BROKERS, deviceEnvelope, deviceOf, dropTestSchema, openTestSchema, PG_URL, PREFIX, startGroupAtEnd, until,
} from './platform-fixture';

const schema = `it_platform_${randomUUID().slice(0, 8)}`;
const labId = freshLabId();

let dataSource: DataSource;
let acceptPoison = false;

@Controller()
class TestHandler {
  private readonly inbox = new PgInbox(schema);

  @EventPattern(TOPICS.deviceRegistered.name)
  async onDevice(@Payload() payload: DeviceRegistered, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    if (payload.labId !== labId) return;
    if (payload.name === 'reject-me' && !acceptPoison) throw new Error('handler rejects this device');
    await dataSource.transaction(async (m) => {
      if (!(await this.inbox.claim(m, 'test', ctx.envelope.id))) return;
      await m.query(`INSERT INTO "${schema}".applied (message_id, name) VALUES ($1, $2)`, [ctx.envelope.id, payload.name]);
    });
  }
}

@Module({ controllers: [TestHandler], providers: [{ provide: APP_FILTER, useClass: PassthroughRpcFilter }] })
class TestModule {}

describe('Kafka platform against the real broker and PostgreSQL', () => {
  let kafka: Kafka;
  let producer: Producer;
  let microservice: INestMicroservice;
  let dlqProbe: TopicProbe;
  let topicProbe: TopicProbe;
  let relay: PgOutboxRelay;

  const device = (name: string) => deviceOf(labId, name);
  const envelopeOf = (payload: DeviceRegistered) => deviceEnvelope(labId, payload);
  const send = async (envelope: Envelope<unknown>, key = `k-${labId}`) => {
    await producer.send({ topic: `${PREFIX}${TOPICS.deviceRegistered.name}`, messages: [toKafkaMessage(key, envelope)] });
  };
  const applied = () => appliedNames(dataSource, schema);

  beforeAll(async () => {
    dataSource = await openTestSchema(schema);
    kafka = new Kafka({ clientId: 'it-platform', brokers: BROKERS, logLevel: logLevel.NOTHING });
    producer = await createIdempotentProducer(kafka);
    const groupPrefix = `it-${randomUUID()}`;
    await startGroupAtEnd(kafka, `${groupPrefix}.audit`, `${PREFIX}${TOPICS.deviceRegistered.name}`);
    const transport = new KafkaTransport({
      app: 'audit', kafka, producer, concurrency: 3, maxAttempts: 3, backoffMs: 20, groupPrefix, topicPrefix: PREFIX,
    });
    microservice = await NestFactory.createMicroservice(TestModule, { strategy: transport, logger: false });
    await microservice.listen();
    dlqProbe = await TopicProbe.start(['device.registered.dlq']);
    topicProbe = await TopicProbe.start(['device.registered']);
    relay = new PgOutboxRelay({ schema, postgresUrl: PG_URL, producer, idleWaitMs: 50, topicPrefix: PREFIX });
    relay.start();
  });

  afterAll(async () => {
    await relay.stop();
    await microservice.close();
    await dlqProbe.stop();
    await topicProbe.stop();
    await producer.disconnect();
    await dropTestSchema(dataSource, schema);
  });

  it('applies the same envelope delivered twice once', async () => {
    const envelope = envelopeOf(device('twice'));
    await send(envelope);
    await send(envelope);
    await send(envelopeOf(device('after-twice')));
    await until(async () => (await applied()).includes('after-twice'));
    expect((await applied()).filter((n) => n === 'twice')).toHaveLength(1);
  });

  it('dead-letters a message its handler keeps rejecting, after the configured attempts, and keeps the partition moving', async () => {
    const poison = envelopeOf(device('reject-me'));
    await send(poison);
    await send(envelopeOf(device('behind-poison')));
    const [letter] = await dlqProbe.waitFor((m) => m.envelope.id === poison.id);
    expect(letter.headers['dlq-reason']).toBe('handler-failed');
    expect(letter.headers['dlq-attempts']).toBe('3');
    expect(letter.headers['dlq-error']).toContain('handler rejects this device');
    expect(letter.headers['dlq-original-topic']).toBe(`${PREFIX}device.registered`); // the physical topic a replay writes back to
    await until(async () => (await applied()).includes('behind-poison'));
  });

  it('replays the dead letters of one consumer group once the handler is fixed, applying each once', async () => {
    acceptPoison = true;
    const [poison] = await dlqProbe.waitFor((m) => m.envelope.payload?.name === 'reject-me' && m.envelope.labId === labId);
    const groupOfTest = poison.headers['dlq-consumer-group'];
    expect(groupOfTest).toMatch(/^it-/);
    // The topic is shared with earlier runs, whose invalid messages this group also dead-lettered:
    // follow our poison message by its id.
    const replay = async () => {
      const ids: string[] = [];
      await replayDeadLetters({ kafka, topic: TOPICS.deviceRegistered.name, topicPrefix: PREFIX, onlyGroup: groupOfTest, onLetter: (h) => ids.push(h['message-id']) });
      return ids;
    };
    expect(await replay()).toContain(poison.envelope.id);
    await until(async () => (await applied()).includes('reject-me'));
    expect(await replay()).not.toContain(poison.envelope.id);
    expect((await applied()).filter((n) => n === 'reject-me')).toHaveLength(1);
  });

  it('dead-letters an invalid payload and a message type no handler matches, without retrying', async () => {
    const invalid = envelopeOf(device('bad'));
    (invalid.payload as unknown as Record<string, unknown>).deviceId = 'not-a-number';
    const stranger = newEnvelope('device.unknown_event', 1, { labId }, { labId, correlationId: randomUUID(), causationId: null });
    await send(invalid);
    await send(stranger);
    const [bad] = await dlqProbe.waitFor((m) => m.envelope.id === invalid.id);
    expect(bad.headers['dlq-reason']).toBe('invalid-payload');
    expect(bad.headers['dlq-error']).toContain('deviceId');
    const [unknown] = await dlqProbe.waitFor((m) => m.envelope.id === stranger.id);
    expect(unknown.headers['dlq-reason']).toBe('invalid-envelope');
  });

  it('publishes what a committed transaction wrote to the outbox, and nothing of a rolled-back one', async () => {
    const outbox = new PgOutbox(schema);
    const rolledBack = device('rolled-back');
    await expect(dataSource.transaction(async (m) => {
      await outbox.add(m, TOPICS.deviceRegistered, rolledBack, { labId, correlationId: 'c1', causationId: null });
      throw new Error('business rule failed after the event was written');
    })).rejects.toThrow('business rule failed');
    const committed = device('committed');
    const envelope = await dataSource.transaction((m) => outbox.add(m, TOPICS.deviceRegistered, committed, { labId, correlationId: 'c2', causationId: null }));
    await topicProbe.waitFor((m) => m.envelope.id === envelope.id);
    expect(topicProbe.matching((m) => m.envelope.payload?.deviceId === rolledBack.deviceId)).toHaveLength(0);
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "${schema}".outbox WHERE published_at IS NULL`);
    expect(count).toBe(0);
  });

  it('keeps the trace context of the span that wrote an event in its outbox row, and publishes it as traceparent', async () => {
    const outbox = new PgOutbox(schema);
    const [traceId, spanId] = [randomUUID().replace(/-/g, ''), randomUUID().replace(/-/g, '').slice(0, 16)];
    const writer = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: TraceFlags.SAMPLED });
    const envelope = await runWithTraceContext(writer, () => dataSource.transaction((m) =>
      outbox.add(m, TOPICS.deviceRegistered, device('traced'), { labId, correlationId: 'c4', causationId: null })));
    const [row] = await dataSource.query(`SELECT headers FROM "${schema}".outbox WHERE id = $1`, [envelope.id]);
    expect(row.headers).toEqual({ traceparent: `00-${traceId}-${spanId}-01` });
    const [published] = await topicProbe.waitFor((m) => m.envelope.id === envelope.id);
    expect(published.headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });

  it('writes a guarded row and its event in one statement, and neither when the guard writes nothing or fails', async () => {
    const outbox = new PgOutbox(schema);
    await dataSource.query(`CREATE TABLE "${schema}".claims (key text PRIMARY KEY)`);
    const claim = (key: string | null) => ({ sql: `INSERT INTO "${schema}".claims (key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING key`, params: [key] });
    const event = (name: string) => [{ payload: device(name), cause: { labId, correlationId: name, causationId: null }, trace: {} }];
    const outboxRows = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".outbox`))[0].n as number;

    const first = await outbox.addGuarded<typeof TOPICS.deviceRegistered, { key: string }>(dataSource, claim('k1'), TOPICS.deviceRegistered, event('guarded'));
    expect(first.rows).toEqual([{ key: 'k1' }]);
    await topicProbe.waitFor((m) => m.envelope.id === first.envelopes[0].id); // the NOTIFY woke the relay
    const before = await outboxRows();
    const repeat = await outbox.addGuarded(dataSource, claim('k1'), TOPICS.deviceRegistered, event('repeat'));
    expect(repeat).toEqual({ rows: [], envelopes: [] });
    await expect(outbox.addGuarded(dataSource, claim(null), TOPICS.deviceRegistered, event('failed'))).rejects.toThrow(/null value/);
    expect(await outboxRows()).toBe(before);
    expect(topicProbe.matching((m) => ['repeat', 'failed'].includes(m.envelope.correlationId))).toHaveLength(0);
  });

  it('refuses to write an invalid payload into the outbox', async () => {
    const outbox = new PgOutbox(schema);
    await expect(dataSource.transaction((m) => outbox.add(m, TOPICS.deviceRegistered, { ...device('x'), labId: 'nope' as unknown as number }, { labId, correlationId: 'c3', causationId: null })))
      .rejects.toThrow('invalid device.registered payload');
  });
});

/** Polls `check` every 100 ms until it holds (at most 30 s). */
