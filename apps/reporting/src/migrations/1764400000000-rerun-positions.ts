import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/**
 * The last rerun lifecycle event applied to a lab report's sampleRedrawFlag. Rerun events of one
 * report travel on several topics, so without it a late event could overwrite a newer flag.
 */
export class RerunPositions1764400000000 implements MigrationInterface {
  name = 'RerunPositions1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${SCHEMA}".lab_report_rerun_positions (
      lab_report_id int PRIMARY KEY,
      lab_id int NOT NULL,
      lifecycle_epoch bigint NOT NULL,
      sequence int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}".lab_report_rerun_positions`);
  }
}
