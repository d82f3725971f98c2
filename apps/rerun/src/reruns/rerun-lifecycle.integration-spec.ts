import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel, Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { ActivityLogged, Envelope, systemPrincipal } from '@labflow/contracts';
import { createIdempotentProducer, MongoOutboxRelay } from '@labflow/platform/kafka';
import { connectMongo } from '@labflow/platform/persistence';
import { activityEvent, RerunActivity } from './rerun-activity';
import { RerunRequestRecord } from './rerun-lifecycle';
import { LIFECYCLE_COLLECTION, RerunLifecycleRepository } from './rerun-lifecycle.repository';

const requestOf = (rerunNumber: number): RerunRequestRecord => ({
  rerunNumber, type: 'Manual', requestedParameters: [4], parameterNames: ['Haemoglobin'], isActive: true, receivedParameters: [],
  fulfilled: false, createdBy: '7', updatedBy: '7', createdAt: new Date(), updatedAt: new Date(),
});

/** The lifecycle store and its outbox relay against the real FerretDB and Kafka. */
describe('rerun lifecycle store + Mongo outbox relay (real FerretDB, Kafka)', () => {
  // An app may not import the testing lib (module boundaries): a random lab and a plain consumer instead.
  const labId = 900_000_000 + Math.floor(Math.random() * 90_000_000);
  const received: Envelope<ActivityLogged>[] = [];
  let consumer: Consumer;
  let mongo: Connection;
  let producer: Producer;
  let relay: MongoOutboxRelay;
  let sut: RerunLifecycleRepository;
  const ctx = { labId, correlationId: randomUUID(), causationId: null };

  beforeAll(async () => {
    mongo = await connectMongo(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/labflow', 'it-rerun');
    const kafka = new Kafka({ clientId: 'it-rerun', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
    producer = await createIdempotentProducer(kafka);
    consumer = kafka.consumer({ groupId: `it-rerun-${randomUUID()}`, maxWaitTimeInMs: 50 });
    await consumer.connect();
    await consumer.subscribe({ topics: [`${process.env.KAFKA_TOPIC_PREFIX ?? ''}activity.logged`], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => { received.push(JSON.parse(message.value!.toString('utf8'))); } });
    // The app's lease: when the rerun app runs too, exactly one of the two relays publishes.
    relay = new MongoOutboxRelay({
      db: mongo.db!, collections: [LIFECYCLE_COLLECTION], producer, owner: 'rerun', topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '',
    });
    sut = new RerunLifecycleRepository(mongo, relay);
  });
  afterAll(async () => {
    await relay.stop();
    await consumer.disconnect();
    await producer.disconnect();
    await mongo.close();
  });

  it('keeps every change of 12 concurrent writers to one lab report, each message applied once', async () => {
    const labReportId = 1;
    const writes = Array.from({ length: 12 }, (_, i) => sut.mutate(labId, labReportId, `m-${i}`, (current, fresh) => {
      const base = current ?? fresh;
      return { next: { ...base, sequence: base.sequence + 1, requests: [...base.requests, requestOf(i)] }, events: [], result: i };
    }));
    await Promise.all(writes);
    const state = await sut.find(labId, labReportId);
    expect(state?.requests.map((r) => r.rerunNumber).sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    expect(state?.sequence).toBe(12);
    const again = await sut.mutate(labId, labReportId, 'm-3', () => { throw new Error('must not decide for a duplicate'); });
    expect(again).toEqual({ duplicate: true });
    expect(await sut.find(labId, 999)).toBeNull();
    expect(await sut.find(labId + 1, labReportId)).toBeNull(); // another lab sees nothing
  });

  it('publishes each entry\'s events once, in version order, then keeps only the newest entry', async () => {
    const labReportId = 2;
    const principal = systemPrincipal(labId);
    for (let i = 1; i <= 5; i += 1) {
      await sut.mutate(labId, labReportId, `e-${i}`, (current, fresh) => ({
        next: { ...(current ?? fresh), sequence: i },
        events: [activityEvent(principal, labReportId, RerunActivity.RERUN_REQUESTED, `step ${i}`, ctx)],
        result: null,
      }));
    }
    relay.start();
    const ours = () => received.filter((e) => e.payload.labId === labId && e.payload.labReportId === labReportId);
    for (let i = 0; i < 200 && ours().length < 5; i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(ours().map((e) => e.payload.activityText)).toEqual(['step 1', 'step 2', 'step 3', 'step 4', 'step 5']);
    const entries = async () => mongo.db!.collection(LIFECYCLE_COLLECTION).find({ labId, labReportId }).toArray();
    for (let i = 0; i < 50 && (await entries()).length > 1; i += 1) await new Promise((r) => setTimeout(r, 100));
    const left = await entries();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ version: 5, outboxPending: false, pendingEvents: [] });
    await new Promise((r) => setTimeout(r, 800));
    expect(ours()).toHaveLength(5);
  });

  it('validates an entry against the schema when it is written: a malformed one is refused, nothing stored', async () => {
    const labReportId = 3;
    const write = (request: object) => sut.mutate(labId, labReportId, `v-${randomUUID()}`, (current, fresh) => ({
      next: { ...(current ?? fresh), requests: [request as RerunRequestRecord] }, events: [], result: null,
    }));
    await expect(write({ ...requestOf(1), type: 'Sometimes' })).rejects.toThrow(/`Sometimes` is not a valid enum value for path `type`/);
    await expect(write({ rerunNumber: 1 })).rejects.toThrow(/Path `fulfilled` is required/);
    await expect(write({ ...requestOf(1), surprise: true })).rejects.toThrow(/StrictModeError/);
    expect(await sut.find(labId, labReportId)).toBeNull();
    await write(requestOf(1));
    expect((await sut.find(labId, labReportId))?.requests).toEqual([requestOf(1)].map((r) => ({ ...r, createdAt: expect.any(Date), updatedAt: expect.any(Date) })));
  });
});
