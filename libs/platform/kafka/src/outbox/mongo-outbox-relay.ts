import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import type { Collection, Db, Document } from 'mongodb';
import { outboxPublished } from '@labflow/platform/observability';
import { toKafkaMessage } from '../wire';
import { MongoOutboxFields, PendingEvent } from './mongo-outbox';

export interface MongoOutboxRelayOptions {
  db: Db;
  /** Collections whose documents carry `pendingEvents` (see MongoOutboxFields). */
  collections: string[];
  producer: Producer;
  /** Names the lease, e.g. the app. */
  owner: string;
  topicPrefix?: string;
  batchSize?: number;
  idleWaitMs?: number;
  leaseMs?: number;
}

type OutboxDoc = Document & MongoOutboxFields & { _id: unknown };

/**
 * The MongoDB twin of PgOutboxRelay, with the same guarantees: one active relay per service (a lease
 * document instead of an advisory lock), a document's events published in the order they were written
 * with the idempotent producer, and removed from the document only after the broker acknowledged them.
 * The removal is a conditional write on the document's `version`: a state change that raced with the
 * relay keeps its new events (the relay re-reads and removes only what it published). A crash between
 * publish and removal re-sends the same envelope ids; consumers' inboxes make that harmless.
 */
export class MongoOutboxRelay {
  private readonly logger: Logger;
  private readonly instance = randomUUID();
  private running = false;
  private loop: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private wakeUp: (() => void) | null = null;
  lastError: string | null = null;
  publishedCount = 0;

  constructor(private readonly options: MongoOutboxRelayOptions) {
    this.logger = new Logger(`MongoOutboxRelay:${options.owner}`);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runForever();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    await this.leases().deleteOne({ _id: this.options.owner, holder: this.instance } as Document).catch(() => undefined);
  }

  /** Lets a writer wake the relay right after its write (lower latency than the idle poll). */
  wake(): void {
    this.wakeUp?.();
  }

  async backlog(): Promise<{ count: number; oldestAgeMs: number }> {
    let count = 0;
    let oldest: number | null = null;
    for (const name of this.options.collections) {
      const docs = await this.options.db.collection<OutboxDoc>(name)
        .find({ outboxPending: true }, { projection: { outboxSince: 1, pendingEvents: 1 } }).toArray();
      for (const d of docs) {
        count += d.pendingEvents?.length ?? 0;
        const since = d.outboxSince ? new Date(d.outboxSince).getTime() : null;
        if (since !== null && (oldest === null || since < oldest)) oldest = since;
      }
    }
    return { count, oldestAgeMs: oldest === null ? 0 : Date.now() - oldest };
  }

  private leases(): Collection<Document> {
    return this.options.db.collection('outbox_relay_leases');
  }

  /** Takes or renews the lease; false while another instance holds an unexpired one. */
  private async holdLease(): Promise<boolean> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + (this.options.leaseMs ?? 10_000));
    const renewed = await this.leases().updateOne(
      { _id: this.options.owner, $or: [{ holder: this.instance }, { expiresAt: { $lt: now } }] } as Document,
      { $set: { holder: this.instance, expiresAt } },
    );
    if (renewed.matchedCount === 1) return true;
    try {
      await this.leases().insertOne({ _id: this.options.owner, holder: this.instance, expiresAt } as Document);
      return true;
    } catch {
      return false; // duplicate key: another instance holds it
    }
  }

  private async runForever(): Promise<void> {
    while (this.running) {
      try {
        if (!(await this.holdLease())) {
          await this.sleep(1000);
          continue;
        }
        const published = await this.publishBatch();
        this.lastError = null;
        if (published === 0) await this.sleep(this.options.idleWaitMs ?? 200);
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.warn(`relay paused: ${this.lastError}`);
        await this.sleep(1000);
      }
    }
  }

  private async publishBatch(): Promise<number> {
    let published = 0;
    for (const name of this.options.collections) {
      const collection = this.options.db.collection<OutboxDoc>(name);
      const docs = await collection.find({ outboxPending: true }).sort({ outboxSince: 1 }).limit(this.options.batchSize ?? 100).toArray();
      for (const doc of docs) published += await this.publishDocument(collection, doc);
    }
    return published;
  }

  private async publishDocument(collection: Collection<OutboxDoc>, doc: OutboxDoc): Promise<number> {
    const events: PendingEvent[] = doc.pendingEvents ?? [];
    if (events.length > 0) {
      const byTopic = new Map<string, ReturnType<typeof toKafkaMessage>[]>();
      for (const e of events) {
        const list = byTopic.get(e.topic) ?? [];
        list.push(toKafkaMessage(e.key, e.envelope));
        byTopic.set(e.topic, list);
      }
      // One aggregate's events share a key, hence a partition per topic: sendBatch keeps their order.
      await this.options.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic: `${this.options.topicPrefix ?? ''}${topic}`, messages })),
      });
    }
    await this.removePublished(collection, doc, new Set(events.map((e) => e.id)));
    this.publishedCount += events.length;
    outboxPublished.inc(events.length);
    return events.length;
  }

  /** Removes the published events with a compare-and-set on `version`, re-reading after a race. */
  private async removePublished(collection: Collection<OutboxDoc>, first: OutboxDoc, published: Set<string>): Promise<void> {
    let doc: OutboxDoc | null = first;
    for (let attempt = 0; doc && attempt < 50; attempt += 1) {
      const remaining = (doc.pendingEvents ?? []).filter((e) => !published.has(e.id));
      const filter = { _id: doc._id, version: doc.version } as Document;
      const result = remaining.length === 0 && doc.closed
        ? await collection.deleteOne(filter)
        : await collection.updateOne(filter, {
          $set: { pendingEvents: remaining, outboxPending: remaining.length > 0, outboxSince: remaining.length > 0 ? doc.outboxSince : null, version: doc.version + 1 },
        } as Document);
      const done = 'deletedCount' in result ? result.deletedCount === 1 : result.matchedCount === 1;
      if (done) return;
      doc = await collection.findOne({ _id: doc._id } as Document);
    }
    if (doc) throw new Error('outbox document kept changing; will retry');
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, ms);
      this.wakeUp = () => {
        if (this.timer) clearTimeout(this.timer);
        this.wakeUp = null;
        resolve();
      };
    });
  }
}
