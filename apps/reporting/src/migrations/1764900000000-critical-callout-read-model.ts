import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/**
 * seed 001 records read: lab users' department relation (department_data_type 1) and the bill's callout
 * draft as critical-callout last published it (read model of critical.callout_recorded).
 */
export class CriticalCalloutReadModel1764900000000 implements MigrationInterface {
  name = 'CriticalCalloutReadModel1764900000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${SCHEMA}"`;
    await q.query(`CREATE TABLE ${s}.lab_user_departments (
      lab_id int NOT NULL,
      user_id text NOT NULL,
      department_id int NOT NULL,
      PRIMARY KEY (lab_id, user_id, department_id)
    )`);
    await q.query(`CREATE TABLE ${s}.critical_callout_drafts (
      lab_id int NOT NULL,
      bill_id int NOT NULL,
      callout_id int NOT NULL,
      draft jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (lab_id, bill_id)
    )`);
    await q.query(`CREATE INDEX lab_reports_bill_idx ON ${s}.lab_reports (lab_id, bill_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "${SCHEMA}".lab_reports_bill_idx`);
    await q.query(`DROP TABLE "${SCHEMA}".critical_callout_drafts, "${SCHEMA}".lab_user_departments`);
  }
}
