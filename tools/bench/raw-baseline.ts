import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, Producer } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { panelValues, PANEL } from './lab';
import { runLoad } from './load';
import { RunStats, summarize } from './stats';

export interface RawRun {
  rate: number;
  produce: RunStats;
  /** Payloads whose documents were all written. */
  stored: number;
  /** Per second of the run and its drain. */
  storedPerSecond: number;
  /** Parameter values written per second of the run and its drain (stored × panel size). */
  resultsPerSecond: number;
  /** Produce → both documents written. */
  endToEnd: RunStats;
}

/**
 * The ingest baseline: the same analyzer payloads produced with raw kafkajs (acks -1, 6 partitions),
 * consumed by a raw consumer group with the apps' fetch settings, and the two documents reporting
 * writes per upload (the upload's device results, the report's values at their indexes) written with
 * the driver, sent together, as reporting writes them.
 * No HTTP, no validation, no PostgreSQL, no outbox: what the brokers and stores alone cost.
 */
export class RawIngestBaseline {
  private producer: Producer | null = null;
  private consumer: Consumer | null = null;
  private mongo: Connection | null = null;
  private readonly sentAt = new Map<string, number>();
  private latencies: number[] = [];
  private readonly topic: string;

  constructor(private readonly kafka: Kafka, prefix: string, private readonly mongoUrl: string) {
    this.topic = `${prefix}bench.raw.ingest`;
  }

  async start(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: this.topic, numPartitions: 6 }] }).catch(() => undefined);
    await admin.disconnect();
    this.mongo = await mongoose.createConnection(this.mongoUrl, { maxPoolSize: 20, retryWrites: false }).asPromise();
    const db = this.mongo.db;
    if (!db) throw new Error('document store not connected');
    const results = db.collection('bench_device_results');
    const values = db.collection('bench_report_values');
    // created before the consumers write concurrently, as the apps' collections are (indexes at start)
    await results.createIndex({ labReportId: 1 });
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    this.consumer = this.kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, maxWaitTimeInMs: 1000 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topic], fromBeginning: false });
    await this.consumer.run({
      partitionsConsumedConcurrently: 6,
      eachMessage: async ({ message }) => {
        const id = message.key?.toString() ?? '';
        const payload = JSON.parse(message.value?.toString() ?? '{}') as { sampleId: string; labReportId: number; values: { testName: string; value: number }[] };
        const now = new Date();
        const indexOf = (code: string) => PANEL.find((p) => p.code === code)?.index ?? 0;
        // one document for the upload's device results, one update of the report's values at their indexes
        const set: Record<string, unknown> = { labReportId: payload.labReportId, updatedAt: now };
        for (const v of payload.values) set[`values.${indexOf(v.testName)}`] = { index: indexOf(v.testName), value: v.value, updatedAt: now };
        await Promise.all([
          results.replaceOne({ _id: `${id}:${payload.labReportId}` as never }, {
            sampleId: payload.sampleId, labReportId: payload.labReportId, status: 'applied', receivedAt: now,
            values: payload.values.map((v) => ({ index: indexOf(v.testName), value: v.value })),
          }, { upsert: true }),
          values.updateOne({ _id: String(payload.labReportId) as never }, { $set: set }, { upsert: true }),
        ]);
        const t0 = this.sentAt.get(id);
        if (t0 !== undefined) {
          this.latencies.push(performance.now() - t0);
          this.sentAt.delete(id);
        }
      },
    });
    await new Promise((r) => setTimeout(r, 3000)); // the group is positioned at the end
  }

  async atRate(rate: number, durationMs: number, producers: number): Promise<RawRun> {
    this.latencies = [];
    const producer = this.producer!;
    const produce = await runLoad({
      concurrency: producers,
      durationMs,
      ratePerSecond: rate,
      request: async (n) => {
        const id = randomUUID();
        this.sentAt.set(id, performance.now());
        const labReportId = n % 64;
        const body = { sampleId: `S${labReportId}`, labReportId, values: panelValues(12 + n / 1e6) };
        await producer.send({ topic: this.topic, acks: -1, messages: [{ key: id, value: JSON.stringify(body) }] });
        return true;
      },
    });
    // Let the consumer drain what was produced (bounded), then count.
    const drainStart = Date.now();
    const deadline = drainStart + 15_000;
    while (this.sentAt.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const seconds = produce.seconds + (Date.now() - drainStart) / 1000;
    this.sentAt.clear();
    const stored = this.latencies.length;
    return { rate, produce, stored, storedPerSecond: stored / seconds, resultsPerSecond: (stored * PANEL.length) / seconds, endToEnd: summarize(this.latencies, 0, produce.seconds) };
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    await this.mongo?.dropCollection('bench_device_results').catch(() => undefined);
    await this.mongo?.dropCollection('bench_report_values').catch(() => undefined);
    await this.mongo?.close();
  }
}
