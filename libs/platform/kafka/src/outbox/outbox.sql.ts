import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform tables every PostgreSQL-backed service has in its own schema: the outbox the relay
 * publishes from, and the inbox of message ids already applied. Used by each service's first migration.
 */
export function platformTablesSql(schema: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS "${schema}".outbox (
       seq bigserial PRIMARY KEY,
       id uuid NOT NULL UNIQUE,
       topic text NOT NULL,
       key text NOT NULL,
       envelope jsonb NOT NULL,
       headers jsonb NOT NULL DEFAULT '{}'::jsonb,
       created_at timestamptz NOT NULL DEFAULT now(),
       published_at timestamptz
     )`,
    `CREATE INDEX IF NOT EXISTS outbox_unpublished_idx ON "${schema}".outbox (seq) WHERE published_at IS NULL`,
    `CREATE TABLE IF NOT EXISTS "${schema}".inbox (
       consumer text NOT NULL,
       message_id uuid NOT NULL,
       processed_at timestamptz NOT NULL DEFAULT now(),
       response jsonb,
       PRIMARY KEY (consumer, message_id)
     )`,
  ];
}

/**
 * An app's first migration when its schema starts with the platform tables alone (its own tables
 * come in later migrations): named `Initial<timestamp>` as TypeORM records it.
 */
export function platformTablesMigration(schema: string, timestamp: number): new () => MigrationInterface {
  const name = `Initial${timestamp}`;
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of platformTablesSql(schema)) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}".outbox, "${schema}".inbox`);
    }
  };
}
