import { randomUUID } from 'node:crypto';
import { AssignerProtocol, Consumer, Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import { sleep } from './http';
import { BenchLab } from './lab';

/** report.values_updated per device result, seen by an outside consumer: a result applied twice shows up twice. */
export class ValuesUpdatedCounter {
  private consumer: Consumer | null = null;
  private readonly perResult = new Map<string, number>();

  constructor(private readonly kafka: Kafka, private readonly topic: string, private readonly labIds: Set<number>) {}

  async start(): Promise<void> {
    this.consumer = this.kafka.consumer({ groupId: `bench-values-${randomUUID()}`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topic], fromBeginning: false });
    await this.consumer.run({
      partitionsConsumedConcurrently: 6,
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value?.toString() ?? '{}') as { payload?: { labId?: number; resultId?: string; labReportId?: number } };
        const p = envelope.payload;
        if (!p?.labId || !this.labIds.has(p.labId)) return;
        const key = `${p.labId}:${p.resultId}:${p.labReportId}`;
        this.perResult.set(key, (this.perResult.get(key) ?? 0) + 1);
      },
    });
    await sleep(3000);
  }

  counts(labId: number): { events: number; distinct: number } {
    let events = 0;
    let distinct = 0;
    for (const [key, n] of this.perResult) {
      if (!key.startsWith(`${labId}:`)) continue;
      events += n;
      distinct++;
    }
    return { events, distinct };
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** Waits until reporting stored `expected` device results of the lab (or stops growing); the count and when. */
export async function drainedCount(db: Db, lab: BenchLab, expected: number, timeoutMs = 30_000): Promise<{ stored: number; at: number }> {
  const deadline = Date.now() + timeoutMs;
  let stored = -1;
  let at = Date.now();
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    // reporting keeps one document per upload and lab report, holding its values
    const sets = await db.collection<{ values: unknown[] }>('device_result_sets').find({ labId: lab.labId }, { projection: { values: 1 } }).toArray();
    const n = sets.reduce((sum, s) => sum + s.values.length, 0);
    if (n !== stored) {
      stored = n;
      at = Date.now();
      stableSince = Date.now();
    }
    if (stored >= expected || Date.now() - stableSince > 5000) break;
    await sleep(100);
  }
  return { stored, at };
}

/** Partitions of `topic` per member of `groupId`: how a consumer group shares the load. */
export async function assignment(kafka: Kafka, groupId: string, topic: string): Promise<number[][]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return (groups[0]?.members ?? []).map((m) => {
      const decoded = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
      return [...(decoded?.assignment[topic] ?? [])].sort((a, b) => a - b);
    });
  } finally {
    await admin.disconnect();
  }
}
