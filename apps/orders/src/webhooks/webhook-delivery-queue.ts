import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookEventType } from '@labflow/contracts';

export interface DueDelivery {
  id: string;
  messageId: string;
  endpointId: string;
  labId: number;
  clientId: string;
  eventType: WebhookEventType;
  orderId: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
  /** The secret a rotation replaced, while its grace period lasts (sealed); null otherwise. */
  previousSecret: string | null;
  /** The trace context of the order change that queued the delivery (traceparent). */
  traceHeaders: Record<string, string>;
}

export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** The dispatcher's side of the webhook outbox: due deliveries, their attempts and the backlog. */
@Injectable()
export class WebhookDeliveryQueue {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims due deliveries for one attempt each: a lease (not a held lock) so the HTTP call runs
   * outside any transaction; SKIP LOCKED lets several dispatchers share the table. A dispatcher that
   * dies mid-attempt leaves a lease that expires, and the delivery is attempted again. A disabled
   * endpoint's deliveries are not claimed: they wait until it is enabled again.
   */
  async claimDue(limit: number, leaseMs: number): Promise<DueDelivery[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE orders.webhook_deliveries d SET lease_until = clock_timestamp() + $2 * interval '1 millisecond'
       FROM orders.webhook_endpoints e
       WHERE e.id = d.endpoint_id AND d.id IN (
         SELECT q.id FROM orders.webhook_deliveries q JOIN orders.webhook_endpoints qe ON qe.id = q.endpoint_id
         WHERE q.status = 'pending' AND q.next_attempt_at <= clock_timestamp()
           AND (q.lease_until IS NULL OR q.lease_until < clock_timestamp()) AND qe.disabled_at IS NULL
         ORDER BY q.next_attempt_at LIMIT $1 FOR UPDATE OF q SKIP LOCKED)
       RETURNING d.id, d.message_id AS "messageId", d.endpoint_id AS "endpointId", d.lab_id AS "labId",
         d.client_id AS "clientId", d.event_type AS "eventType", d.order_id AS "orderId", d.body, d.attempts, e.url, e.secret,
         CASE WHEN e.previous_secret_expires_at > clock_timestamp() THEN e.previous_secret END AS "previousSecret",
         d.trace_headers AS "traceHeaders"`,
      [limit, leaseMs],
    )) as [DueDelivery[], number];
    return rows;
  }

  /**
   * Records attempt number `attempt` once (a stale dispatcher whose lease expired records nothing)
   * and sets the delivery's next state. True when this call recorded it.
   */
  async recordAttempt(manager: EntityManager, delivery: DueDelivery, outcome: AttemptOutcome,
    next: { status: 'pending' | 'delivered' | 'exhausted'; delayMs: number }): Promise<boolean> {
    const attempt = delivery.attempts + 1;
    const [, updated] = (await manager.query(
      `UPDATE orders.webhook_deliveries SET attempts = $2, status = $3, lease_until = NULL,
         next_attempt_at = clock_timestamp() + $4 * interval '1 millisecond',
         finished_at = CASE WHEN $3 = 'pending' THEN NULL ELSE clock_timestamp() END
       WHERE id = $1 AND attempts = $5 AND status = 'pending'`,
      [delivery.id, attempt, next.status, next.delayMs, delivery.attempts],
    )) as [unknown[], number];
    if (updated !== 1) return false;
    await manager.query(
      `INSERT INTO orders.webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)`,
      [delivery.id, attempt, outcome.statusCode, outcome.error, outcome.durationMs],
    );
    return true;
  }

  /** Pending deliveries (of enabled endpoints) and how late the most overdue one is, for readiness details. */
  async backlog(): Promise<{ pending: number; overdueMs: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending,
         COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(next_attempt_at)) * 1000, 0)::int AS "overdueMs"
       FROM orders.webhook_deliveries d JOIN orders.webhook_endpoints e ON e.id = d.endpoint_id
       WHERE d.status = 'pending' AND e.disabled_at IS NULL`,
    )) as { pending: number; overdueMs: number }[];
    return { pending: row.pending, overdueMs: Math.max(0, row.overdueMs) };
  }
}
