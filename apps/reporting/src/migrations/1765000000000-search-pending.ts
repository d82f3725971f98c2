import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/**
 * Lab reports whose search document is stale. Marked in the same transaction as the change, so
 * the search index follows every committed change even across crashes and Elasticsearch outages;
 * `version` tells the indexer whether a report was marked again while it was being indexed.
 */
export class SearchPending1765000000000 implements MigrationInterface {
  name = 'SearchPending1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${SCHEMA}".search_pending (
      lab_report_id int PRIMARY KEY,
      lab_id int NOT NULL,
      version bigint NOT NULL DEFAULT 1,
      marked_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX search_pending_marked_at ON "${SCHEMA}".search_pending (marked_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}".search_pending`);
  }
}
