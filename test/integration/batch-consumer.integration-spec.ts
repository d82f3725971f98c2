import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DeviceRegistered, Envelope, TOPICS } from '@labflow/contracts';
import {
  createIdempotentProducer, EventBatchPattern, KafkaBatchContext, KafkaTransport, PgInbox, PgOutbox, toKafkaMessage,
} from '@labflow/platform/kafka';
import { PassthroughRpcFilter } from '@labflow/platform/service';
import { freshLabId, TopicProbe } from '@labflow/testing';
import {
  appliedNames, BROKERS, deviceEnvelope, deviceOf, dropTestSchema, openTestSchema, PREFIX, startGroupAtEnd, until,
} from './platform-fixture';

const schema = `it_batch_${randomUUID().slice(0, 8)}`;
const labId = freshLabId();
const batchSizes: number[] = [];
let dataSource: DataSource;

/** Applies a batch in one transaction, as reporting applies uploads: inbox claims, rows, one outbox statement. */
@Controller()
class BatchHandler {
  private readonly inbox = new PgInbox(schema);
  private readonly outbox = new PgOutbox(schema);

  @EventBatchPattern(TOPICS.deviceRegistered.name)
  async onDevices(@Payload() devices: DeviceRegistered[], @Ctx() batch: KafkaBatchContext): Promise<void> {
    const mine = devices.map((device, i) => ({ device, ctx: batch.messages[i] })).filter((m) => m.device.labId === labId);
    if (mine.length === 0) return;
    batchSizes.push(mine.length);
    if (mine.some((m) => m.device.name === 'reject-me')) throw new Error('handler rejects this device');
    await dataSource.transaction(async (manager) => {
      const claimed = await this.inbox.claimAll(manager, 'test', mine.map((m) => m.ctx.envelope.id));
      const fresh = mine.filter((m) => claimed.has(m.ctx.envelope.id));
      for (const { device, ctx } of fresh) {
        await manager.query(`INSERT INTO "${schema}".applied (message_id, name) VALUES ($1, $2)`, [ctx.envelope.id, device.name]);
      }
      await this.outbox.addAll(manager, TOPICS.deviceRegistered, fresh.map(({ device, ctx }) => ({
        payload: { ...device, name: `${device.name}-echo` }, cause: ctx.causedContext, trace: ctx.traceHeaders(),
      })));
    });
  }
}

@Module({ controllers: [BatchHandler], providers: [{ provide: APP_FILTER, useClass: PassthroughRpcFilter }] })
class BatchModule {}

describe('Batch consumption (@EventBatchPattern) against the real broker and PostgreSQL', () => {
  let kafka: Kafka;
  let producer: Producer;
  let microservice: INestMicroservice | null = null;
  let dlqProbe: TopicProbe;
  const topic = `${PREFIX}${TOPICS.deviceRegistered.name}`;
  const groupPrefix = `it-batch-${randomUUID()}`;

  const device = (name: string) => deviceOf(labId, name);
  const envelopeOf = (payload: DeviceRegistered) => deviceEnvelope(labId, payload);
  const traceIdOf = (e: Envelope<unknown>) => e.id.replace(/-/g, '');
  /** One key, so one partition: the consumer finds them as one backlog. Each carries a trace of its own. */
  const send = async (envelopes: Envelope<unknown>[]) => producer.send({
    topic, messages: envelopes.map((e) => toKafkaMessage(`k-${labId}`, e, { traceparent: `00-${traceIdOf(e)}-${traceIdOf(e).slice(0, 16)}-01` })),
  });
  const applied = () => appliedNames(dataSource, schema);

  const startConsumer = async () => {
    const transport = new KafkaTransport({ app: 'orders', kafka, producer, concurrency: 2, maxAttempts: 2, backoffMs: 20, groupPrefix, topicPrefix: PREFIX });
    microservice = await NestFactory.createMicroservice(BatchModule, { strategy: transport, logger: false });
    await microservice.listen();
  };
  const stopConsumer = async () => {
    await microservice?.close();
    microservice = null;
  };

  beforeAll(async () => {
    dataSource = await openTestSchema(schema);
    kafka = new Kafka({ clientId: 'it-batch', brokers: BROKERS, logLevel: logLevel.NOTHING });
    producer = await createIdempotentProducer(kafka);
    await startGroupAtEnd(kafka, `${groupPrefix}.orders`, topic);
    dlqProbe = await TopicProbe.start(['device.registered.dlq']);
  });

  afterAll(async () => {
    await stopConsumer();
    await dlqProbe.stop();
    await producer.disconnect();
    await dropTestSchema(dataSource, schema);
  });

  it('applies a backlog in batches, in partition order, each message once, its event carrying the message\'s own trace', async () => {
    const backlog = Array.from({ length: 40 }, (_, i) => envelopeOf(device(`d${i}`)));
    await send([...backlog.slice(0, 10), backlog[3], ...backlog.slice(10)]); // backlog[3] delivered twice
    await startConsumer();
    await until(async () => (await applied()).length >= 40);
    expect(await applied()).toEqual(backlog.map((e) => (e.payload as DeviceRegistered).name));
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    const rows: { envelope: Envelope<DeviceRegistered>; headers: Record<string, string> }[] = await dataSource.query(
      `SELECT envelope, headers FROM "${schema}".outbox ORDER BY seq`);
    expect(rows.map((r) => r.envelope.payload.name)).toEqual(backlog.map((e) => `${(e.payload as DeviceRegistered).name}-echo`));
    rows.forEach((row, i) => {
      expect(row.envelope.causationId).toBe(backlog[i].id);
      expect(row.headers.traceparent).toContain(`-${traceIdOf(backlog[i])}-`);
    });
  });

  it('applies a failed batch one message at a time: only the bad message is dead-lettered, the others once each', async () => {
    await stopConsumer();
    batchSizes.length = 0;
    const before = (await applied()).length;
    const poison = envelopeOf(device('reject-me'));
    const others = Array.from({ length: 12 }, (_, i) => envelopeOf(device(`after-${i}`)));
    await send([others[0], others[1], poison, ...others.slice(2)]);
    await startConsumer();
    const [letter] = await dlqProbe.waitFor((m) => m.envelope.id === poison.id);
    expect(letter.headers['dlq-reason']).toBe('handler-failed');
    await until(async () => (await applied()).length >= before + others.length);
    expect((await applied()).slice(before)).toEqual(others.map((e) => (e.payload as DeviceRegistered).name));
    expect(Math.max(...batchSizes)).toBeGreaterThan(1); // the batch was tried first
  });
});

/** Polls `check` every 100 ms until it holds (at most 30 s). */
