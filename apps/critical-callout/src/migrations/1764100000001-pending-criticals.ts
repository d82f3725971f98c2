import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/** Critical values waiting for a done callout, for overdue detection (beyond seed 001). */
export class PendingCriticals1764100000001 implements MigrationInterface {
  name = 'PendingCriticals1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${SCHEMA}".pending_criticals (
      lab_report_id int PRIMARY KEY,
      lab_id int NOT NULL,
      bill_id int NOT NULL,
      test_id int NOT NULL,
      pending_since timestamptz NOT NULL,
      called_out_at timestamptz,
      overdue_at timestamptz
    )`);
    await q.query(`CREATE INDEX pending_criticals_open_idx ON "${SCHEMA}".pending_criticals (pending_since)
      WHERE called_out_at IS NULL AND overdue_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}".pending_criticals`);
  }
}
