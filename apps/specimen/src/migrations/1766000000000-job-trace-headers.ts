import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/**
 * A job keeps the trace context of the request that created it (W3C traceparent, as outbox rows
 * do), so the worker's span continues that request's trace however late it runs the job.
 */
export class JobTraceHeaders1766000000000 implements MigrationInterface {
  name = 'JobTraceHeaders1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}".jobs ADD COLUMN trace_headers jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}".jobs DROP COLUMN trace_headers`);
  }
}
