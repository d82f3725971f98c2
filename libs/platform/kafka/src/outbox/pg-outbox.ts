import { EntityManager } from 'typeorm';
import { Envelope, MessageContext, PayloadOf, TopicSpec } from '@labflow/contracts';
import { traceHeaders } from '@labflow/platform/observability';
import { recordWrittenEvents } from '../consistency/written-events';
import { checkedEnvelope } from './checked-envelope';

/**
 * Writes events into the service's outbox table inside the caller's transaction (DESIGN §3):
 * the state change and its events commit together or not at all. The relay publishes them, with
 * the trace context of the writer's span kept in the row's headers, so the consumers' spans continue
 * the trace that caused the event however late the relay sends it.
 */
export class PgOutbox {
  constructor(private readonly schema: string) {}

  /** One event, with the trace context of the current span. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async add<T extends TopicSpec<any>>(manager: EntityManager, topic: T, payload: PayloadOf<T>, ctx: MessageContext): Promise<Envelope<PayloadOf<T>>> {
    const [envelope] = await this.addAll(manager, topic, [{ payload, cause: ctx, trace: traceHeaders() }]);
    return envelope;
  }

  /**
   * Several events in one statement (a batch handler's): each row carries the trace headers of the
   * message that caused it (KafkaMessageContext.traceHeaders), not the batch's.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async addAll<T extends TopicSpec<any>>(manager: EntityManager, topic: T, events: OutboxEvent<PayloadOf<T>>[]): Promise<Envelope<PayloadOf<T>>[]> {
    if (events.length === 0) return [];
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`outbox write for ${topic.name} outside a transaction`);
    }
    const envelopes = events.map(({ payload, cause }) => checkedEnvelope(topic, payload, cause));
    // One round trip: the rows, and a NOTIFY that wakes the relay at commit time (NOTIFY is
    // transactional; PostgreSQL folds repeats within a transaction): low latency without polling.
    await manager.query(`WITH ${this.writtenSql(1, '')} ${this.notifySql()}`, this.params(topic, events, envelopes));
    recordWrittenEvents(envelopes);
    return envelopes;
  }

  /**
   * A write and its events as one statement, outside any transaction: `guard` is a data-modifying
   * statement (`INSERT … ON CONFLICT DO NOTHING RETURNING …`) and the events are written only if it
   * returns a row. PostgreSQL commits one statement atomically, so the write and its events commit
   * together or not at all: one round trip where BEGIN, the write, the outbox insert and COMMIT are
   * four. Returns the guard's rows (none: nothing was written) and the envelopes written.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async addGuarded<T extends TopicSpec<any>, R extends object>(
    runner: Queryable, guard: GuardStatement, topic: T, events: OutboxEvent<PayloadOf<T>>[],
  ): Promise<{ rows: R[]; envelopes: Envelope<PayloadOf<T>>[] }> {
    const envelopes = events.map(({ payload, cause }) => checkedEnvelope(topic, payload, cause));
    const notified = 'outbox notified'; // a column no guard's RETURNING names, dropped from the rows
    const rows: (R & Record<typeof notified, unknown>)[] = await runner.query(
      `WITH guard AS (${guard.sql}), ${this.writtenSql(guard.params.length + 1, 'WHERE EXISTS (SELECT 1 FROM guard)')}
       SELECT guard.*, (SELECT count(*) FROM (${this.notifySql()}) n) AS "${notified}" FROM guard`,
      [...guard.params, ...this.params(topic, events, envelopes)],
    );
    const written = rows.length > 0 ? envelopes : [];
    recordWrittenEvents(written);
    return { rows: rows.map(({ [notified]: _, ...row }) => row as unknown as R), envelopes: written };
  }

  /** The CTE `written` inserting the events' rows ($first… are params()'s); unnest keeps the array order, and seq (the relay's order) follows it. */
  private writtenSql(first: number, condition: string): string {
    const [topic, ids, keys, envelopes, headers] = [0, 1, 2, 3, 4].map((n) => `$${first + n}`);
    return `written AS (INSERT INTO "${this.schema}".outbox (id, topic, key, envelope, headers)
         SELECT e.id, ${topic}, e.key, e.envelope, e.headers
         FROM unnest(${ids}::uuid[], ${keys}::text[], ${envelopes}::jsonb[], ${headers}::jsonb[]) WITH ORDINALITY AS e(id, key, envelope, headers, n)
         ${condition} ORDER BY e.n RETURNING 1)`;
  }

  /** One NOTIFY if anything was written (a select over `written`). */
  private notifySql(): string {
    return `SELECT pg_notify('${this.schema}_outbox', '') FROM (SELECT 1 FROM written LIMIT 1) w`;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private params<T extends TopicSpec<any>>(topic: T, events: OutboxEvent<PayloadOf<T>>[], envelopes: Envelope<PayloadOf<T>>[]): unknown[] {
    return [topic.name, envelopes.map((e) => e.id), events.map((e) => topic.key(e.payload)), envelopes.map((e) => JSON.stringify(e)),
      events.map((e) => JSON.stringify(e.trace))];
  }
}

/** What runs a statement: a DataSource (a statement of its own) or a transaction's EntityManager. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** A data-modifying statement with RETURNING, its placeholders $1…$n for `params`. */
export interface GuardStatement {
  sql: string;
  params: unknown[];
}

export interface OutboxEvent<P> {
  payload: P;
  cause: MessageContext;
  /** W3C trace headers of the span the event belongs to. */
  trace: Record<string, string>;
}
