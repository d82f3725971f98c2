import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import type { Collection, Db, Document } from 'mongodb';
import { outboxPublished } from '@labflow/platform/observability';
import { traceOutboxBatch } from './outbox-batch-span';
import { sendOutboxEvents } from './send-outbox-events';
import { MongoOutboxEntry } from './mongo-outbox';
import { OutboxBacklog } from './outbox-backlog';
import { BackgroundLoop, RoundResult, STAND_BY } from '../background-loop';

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

type OutboxDoc = Document & MongoOutboxEntry;

/**
 * The MongoDB twin of PgOutboxRelay, with the same guarantees: one active relay per service (a lease
 * document instead of an advisory lock), each stream's entries published in version order with the
 * idempotent producer, and marked published only after the broker acknowledged them. Entries are
 * immutable once inserted except for the relay's own mark, so the mark never races with a writer.
 * Superseded entries of a stream (older than its newest published one) are then deleted: the newest
 * entry stays as the stream's current state. A crash between publish and mark re-sends the same
 * envelope ids; consumers' inboxes make that harmless.
 */
export class MongoOutboxRelay {
  private readonly loop: BackgroundLoop;
  private readonly instance = randomUUID();
  /** Until when this instance's lease runs (its own clock); 0 when it holds none. */
  private heldUntil = 0;
  publishedCount = 0;

  constructor(private readonly options: MongoOutboxRelayOptions) {
    this.loop = new BackgroundLoop({
      name: `MongoOutboxRelay:${options.owner}`, idleWaitMs: options.idleWaitMs ?? 500, failureLog: 'relay paused',
    }, () => this.round());
  }

  get lastError(): string | null {
    return this.loop.lastError;
  }

  /** How long the relay has been failing to publish (0 while it publishes): readiness turns red past a limit. */
  get stalledForMs(): number {
    return this.loop.stalledForMs;
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    this.heldUntil = 0;
    await this.leases().deleteOne({ _id: this.options.owner, holder: this.instance } as Document).catch(() => undefined);
  }

  /** Lets a writer wake the relay right after its write (lower latency than the idle poll). */
  wake(): void {
    this.loop.wake();
  }

  async backlog(): Promise<OutboxBacklog> {
    let count = 0;
    let oldest: number | null = null;
    for (const name of this.options.collections) {
      const docs = await this.options.db.collection<OutboxDoc>(name)
        .find({ outboxPending: true }, { projection: { writtenAt: 1, pendingEvents: 1 } }).toArray();
      for (const d of docs) {
        count += d.pendingEvents?.length ?? 0;
        const since = d.writtenAt ? new Date(d.writtenAt).getTime() : null;
        if (since !== null && (oldest === null || since < oldest)) oldest = since;
      }
    }
    return { count, oldestAgeMs: oldest === null ? 0 : Date.now() - oldest };
  }

  private leases(): Collection<Document> {
    return this.options.db.collection('outbox_relay_leases');
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? 10_000;
  }

  /**
   * Takes or renews the lease; false while another instance holds an unexpired one. A lease with more
   * than three quarters of its time left is not renewed (one write every few seconds, not one per
   * round); a round so starts with at least 7.5 s of a 10 s lease left, the margin for a slow publish
   * and for the other instances' clocks (they take over only after it expires).
   */
  private async holdLease(): Promise<boolean> {
    if (this.heldUntil - Date.now() > (this.leaseMs * 3) / 4) return true;
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.leaseMs);
    const renewed = await this.leases().updateOne(
      { _id: this.options.owner, $or: [{ holder: this.instance }, { expiresAt: { $lt: now } }] } as Document,
      { $set: { holder: this.instance, expiresAt } },
    );
    if (renewed.matchedCount === 1) {
      this.heldUntil = expiresAt.getTime();
      return true;
    }
    try {
      await this.leases().insertOne({ _id: this.options.owner, holder: this.instance, expiresAt } as Document);
      this.heldUntil = expiresAt.getTime();
      return true;
    } catch {
      return false; // duplicate key: another instance holds it
    }
  }

  private async round(): Promise<RoundResult> {
    if (!(await this.holdLease())) return STAND_BY;
    return (await this.publishBatch()) > 0 ? 'busy' : 'idle';
  }

  private async publishBatch(): Promise<number> {
    let published = 0;
    for (const name of this.options.collections) {
      const collection = this.options.db.collection<OutboxDoc>(name);
      // (streamId, version) order: a stream's older entry is always published before a newer one.
      const entries = await collection.find({ outboxPending: true }).sort({ streamId: 1, version: 1 }).limit(this.options.batchSize ?? 100).toArray();
      if (entries.length === 0) continue;
      const events = entries.flatMap((entry) => entry.pendingEvents ?? []);
      await traceOutboxBatch(name, events.map((e) => e.headers ?? {}), async () => {
        await sendOutboxEvents(this.options.producer, this.options.topicPrefix ?? '', events);
        for (const entry of entries) {
          await collection.updateOne({ _id: entry._id } as Document, { $set: { outboxPending: false, pendingEvents: [] } });
          await collection.deleteMany({ streamId: entry.streamId, version: { $lt: entry.version }, outboxPending: false } as Document);
        }
      });
      const count = events.length;
      this.publishedCount += count;
      outboxPublished.inc(count);
      published += count;
    }
    return published;
  }
}
