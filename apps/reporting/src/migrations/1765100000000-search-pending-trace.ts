import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/** The trace context of the change that marked a report, so the indexing batch's span links to it. */
export class SearchPendingTrace1765100000000 implements MigrationInterface {
  name = 'SearchPendingTrace1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}".search_pending ADD COLUMN IF NOT EXISTS trace_headers jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}".search_pending DROP COLUMN IF EXISTS trace_headers`);
  }
}
