import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The index a consistency wait reads the inbox by (PgAppliedEvents: by message id, whichever of the
 * app's consumers claimed it). Listed in the migrations of every PostgreSQL app that consumes events.
 */
export function inboxMessageIdIndexMigration(schema: string): new () => MigrationInterface {
  return class InboxMessageIdIndex1767000000000 implements MigrationInterface {
    name = 'InboxMessageIdIndex1767000000000';

    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE INDEX IF NOT EXISTS inbox_message_id_idx ON "${schema}".inbox (message_id)`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP INDEX IF EXISTS "${schema}".inbox_message_id_idx`);
    }
  };
}
