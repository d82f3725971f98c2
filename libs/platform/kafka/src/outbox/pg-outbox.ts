import { EntityManager } from 'typeorm';
import { Envelope, MessageContext, PayloadOf, TopicSpec } from '@labflow/contracts';
import { traceHeaders } from '@labflow/platform/observability';
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
    // unnest keeps the array order, and seq (the relay's order) follows the insert order.
    await manager.query(
      `WITH written AS (INSERT INTO "${this.schema}".outbox (id, topic, key, envelope, headers)
         SELECT e.id, $1, e.key, e.envelope, e.headers FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY AS e(id, key, envelope, headers, n)
         ORDER BY e.n RETURNING 1)
       SELECT pg_notify('${this.schema}_outbox', '') FROM (SELECT 1 FROM written LIMIT 1) w`,
      [topic.name, envelopes.map((e) => e.id), events.map((e) => topic.key(e.payload)), envelopes.map((e) => JSON.stringify(e)),
        events.map((e) => JSON.stringify(e.trace))],
    );
    return envelopes;
  }
}

export interface OutboxEvent<P> {
  payload: P;
  cause: MessageContext;
  /** W3C trace headers of the span the event belongs to. */
  trace: Record<string, string>;
}
