import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/** The lab's activity log, system of record (Elasticsearch holds a mirror for timelines). */
export class ActivityLog1764100000000 implements MigrationInterface {
  name = 'ActivityLog1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${SCHEMA}"`;
    await q.query(`CREATE TABLE ${s}.activity_log (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      lab_id int NOT NULL,
      log_category_id int NOT NULL,
      lab_report_id int,
      bill_id int,
      user_id text NOT NULL,
      lab_user_name text NOT NULL,
      activity_text text NOT NULL,
      meta jsonb,
      activity_date timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX activity_log_report_idx ON ${s}.activity_log (lab_id, log_category_id, lab_report_id, activity_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}".activity_log`);
  }
}
