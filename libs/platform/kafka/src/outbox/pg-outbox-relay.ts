import { Client } from 'pg';
import { Producer } from 'kafkajs';
import { Envelope } from '@labflow/contracts';
import { outboxPublished } from '@labflow/platform/observability';
import { traceOutboxBatch } from './outbox-batch-span';
import { sendOutboxEvents } from './send-outbox-events';
import { ExclusivePgWorker } from '../exclusive-pg-worker';
import { OutboxBacklog } from './outbox-backlog';

export interface PgOutboxRelayOptions {
  schema: string;
  postgresUrl: string;
  producer: Producer;
  /** Environment prefix of physical topic names. */
  topicPrefix?: string;
  batchSize?: number;
  /** The poll when idle (default 1 s): each write's NOTIFY wakes the relay at once, this only covers a reconnect. */
  idleWaitMs?: number;
  /** Published rows are kept this long for inspection, then deleted. */
  retentionMs?: number;
}

interface OutboxRow {
  seq: string;
  topic: string;
  key: string;
  envelope: Envelope;
  headers: Record<string, string>;
}

/**
 * Publishes the outbox in commit order with the idempotent producer, then marks rows published.
 * One relay per service is active at a time (a session advisory lock), so the order of one
 * aggregate's events is the order they were committed. A crash between publish and mark re-sends
 * the same envelope ids; consumers' inboxes make that harmless.
 */
export class PgOutboxRelay {
  private readonly worker: ExclusivePgWorker;
  private lastCleanup = 0;
  publishedCount = 0;

  constructor(private readonly options: PgOutboxRelayOptions) {
    this.worker = new ExclusivePgWorker({
      name: `OutboxRelay:${options.schema}`, postgresUrl: options.postgresUrl, lockKey: `${options.schema}.outbox`,
      channel: `${options.schema}_outbox`, idleWaitMs: options.idleWaitMs ?? 1000, step: (client) => this.publishBatch(client),
    });
  }

  get lastError(): string | null {
    return this.worker.lastError;
  }

  /** How long the relay has been failing to publish (0 while it publishes): readiness turns red past a limit. */
  get stalledForMs(): number {
    return this.worker.stalledForMs;
  }

  start(): void {
    this.worker.start();
  }

  async stop(): Promise<void> {
    await this.worker.stop();
  }

  /** Unpublished rows and the age of the oldest, for readiness details and metrics. */
  async backlog(query: (sql: string) => Promise<{ count: string; oldest: Date | null }[]>): Promise<OutboxBacklog> {
    const [row] = await query(
      `SELECT count(*)::text AS count, min(created_at) AS oldest FROM "${this.options.schema}".outbox WHERE published_at IS NULL`,
    );
    return { count: Number(row.count), oldestAgeMs: row.oldest ? Date.now() - new Date(row.oldest).getTime() : 0 };
  }

  private async publishBatch(client: Client): Promise<number> {
    const { rows } = await client.query<OutboxRow>(
      `SELECT seq, topic, key, envelope, headers FROM "${this.options.schema}".outbox
       WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [this.options.batchSize ?? 500],
    );
    if (rows.length === 0) {
      await this.cleanup(client);
      return 0;
    }
    // the headers hold the trace context of the span that wrote each row (PgOutbox.add)
    await traceOutboxBatch(`${this.options.schema}.outbox`, rows.map((r) => r.headers), async () => {
      await sendOutboxEvents(this.options.producer, this.options.topicPrefix ?? '', rows);
      await client.query(
        `UPDATE "${this.options.schema}".outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`,
        [rows.map((r) => r.seq)],
      );
    });
    this.publishedCount += rows.length;
    outboxPublished.inc(rows.length);
    return rows.length;
  }

  private async cleanup(client: Client): Promise<void> {
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    await client.query(
      `DELETE FROM "${this.options.schema}".outbox WHERE published_at < now() - ($1::text || ' milliseconds')::interval`,
      [String(this.options.retentionMs ?? 3_600_000)],
    );
  }
}
