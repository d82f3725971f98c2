import { WebhookEventType } from '@labflow/contracts';
import { Queryable } from '@labflow/platform/kafka';
import { traceHeaders } from '@labflow/platform/observability';

export interface DeliveryWithAttempts {
  messageId: string;
  eventType: WebhookEventType;
  orderId: string;
  sequence: number;
  status: 'pending' | 'delivered' | 'exhausted';
  attempts: { attempt: number; statusCode: number | null; error: string | null; durationMs: number; attemptedAt: Date }[];
}

/** The webhook outbox of a unit of work: deliveries are rows, so they survive a restart of the orders app. */
export class WebhookDeliveryRepository {
  constructor(private readonly db: Queryable) {}

  /** Keeps the trace context of the current unit of work (the order change) with the delivery. */
  async insert(d: {
    id: string; messageId: string; endpointId: string; labId: number; clientId: string; eventType: WebhookEventType;
    orderId: string; sequence: number; body: string; firstDelayMs: number;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO orders.webhook_deliveries (id, message_id, endpoint_id, lab_id, client_id, event_type, order_id, sequence, body, next_attempt_at, trace_headers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp() + $10 * interval '1 millisecond', $11)`,
      [d.id, d.messageId, d.endpointId, d.labId, d.clientId, d.eventType, d.orderId, d.sequence, d.body, d.firstDelayMs, JSON.stringify(traceHeaders())],
    );
  }

  async ofEndpoint(endpointId: string): Promise<DeliveryWithAttempts[]> {
    return (await this.db.query(
      `SELECT d.message_id AS "messageId", d.event_type AS "eventType", d.order_id AS "orderId", d.sequence, d.status,
         COALESCE(json_agg(json_build_object('attempt', a.attempt, 'statusCode', a.status_code, 'error', a.error,
           'durationMs', a.duration_ms, 'attemptedAt', a.attempted_at) ORDER BY a.attempt) FILTER (WHERE a.id IS NOT NULL), '[]') AS attempts
       FROM orders.webhook_deliveries d LEFT JOIN orders.webhook_attempts a ON a.delivery_id = d.id
       WHERE d.endpoint_id = $1 GROUP BY d.id ORDER BY d.created_at, d.id`,
      [endpointId],
    )) as DeliveryWithAttempts[];
  }
}
