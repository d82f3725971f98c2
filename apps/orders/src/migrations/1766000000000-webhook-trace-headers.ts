import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/**
 * A webhook delivery keeps the trace context of the order change that queued it (W3C traceparent,
 * as outbox rows do), so each attempt's span continues that change's trace.
 */
export class WebhookTraceHeaders1766000000000 implements MigrationInterface {
  name = 'WebhookTraceHeaders1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}".webhook_deliveries ADD COLUMN trace_headers jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}".webhook_deliveries DROP COLUMN trace_headers`);
  }
}
