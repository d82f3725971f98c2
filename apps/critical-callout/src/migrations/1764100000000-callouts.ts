import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/** Callouts (seed 001 CriticalCallout) and the read model of bills this app needs (from bill.registered). */
export class Callouts1764100000000 implements MigrationInterface {
  name = 'Callouts1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${SCHEMA}"`;
    await q.query(`CREATE TABLE ${s}.bills (
      lab_id int NOT NULL,
      bill_id int NOT NULL,
      patient_name text NOT NULL,
      doctor_id int,
      organization_id int,
      PRIMARY KEY (lab_id, bill_id)
    )`);
    await q.query(`CREATE TABLE ${s}.bill_reports (
      lab_id int NOT NULL,
      lab_report_id int PRIMARY KEY,
      bill_id int NOT NULL,
      test_id int NOT NULL,
      test_name text NOT NULL
    )`);
    await q.query(`CREATE INDEX bill_reports_bill_idx ON ${s}.bill_reports (lab_id, bill_id)`);
    // seed 001: a row with lab_report_id NULL is the bill's draft; attempts and done callouts get one row per report.
    await q.query(`CREATE TABLE ${s}.callouts (
      id serial PRIMARY KEY,
      lab_id int NOT NULL,
      bill_id int NOT NULL,
      lab_report_id int,
      kind text NOT NULL CHECK (kind IN ('draft', 'attempted', 'done')),
      recipients jsonb NOT NULL,
      communication_methods jsonb NOT NULL,
      comment text,
      critical_values_meta jsonb NOT NULL,
      callout_for jsonb NOT NULL,
      contacted_person text,
      read_back boolean,
      performed_by_user_id text NOT NULL,
      performed_by_name text NOT NULL,
      performed_by_login_type text NOT NULL,
      created_on timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE UNIQUE INDEX callouts_one_draft_per_bill ON ${s}.callouts (lab_id, bill_id) WHERE lab_report_id IS NULL`);
    await q.query(`CREATE INDEX callouts_report_idx ON ${s}.callouts (lab_id, lab_report_id, created_on DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}".callouts, "${SCHEMA}".bill_reports, "${SCHEMA}".bills`);
  }
}
