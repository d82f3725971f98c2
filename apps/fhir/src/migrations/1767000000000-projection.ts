import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/** The FHIR projection: what the mappers need of LabFlow's events, every row scoped by lab. */
export class Projection1767000000000 implements MigrationInterface {
  name = 'Projection1767000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${SCHEMA}"`;
    await q.query(`CREATE TABLE ${s}.patients (
      lab_id int NOT NULL, patient_id text NOT NULL, name text NOT NULL, birth_date text, gender text NOT NULL,
      PRIMARY KEY (lab_id, patient_id))`);
    await q.query(`CREATE TABLE ${s}.lab_reports (
      lab_id int NOT NULL, lab_report_id int NOT NULL, bill_id int NOT NULL, patient_id text NOT NULL, test_id int NOT NULL,
      test_name text NOT NULL, sample_id text NOT NULL, specimen_id text, registered_at timestamptz NOT NULL,
      collected_at timestamptz, issued_at timestamptz, test_flags jsonb NOT NULL DEFAULT '[]',
      signed boolean NOT NULL DEFAULT false, cancelled boolean NOT NULL DEFAULT false,
      PRIMARY KEY (lab_id, lab_report_id))`);
    await q.query(`CREATE INDEX lab_reports_patient_idx ON ${s}.lab_reports (lab_id, patient_id, collected_at)`);
    await q.query(`CREATE TABLE ${s}.observations (
      lab_id int NOT NULL, lab_report_id int NOT NULL, idx int NOT NULL, value text NOT NULL, numeric_value double precision,
      abnormal boolean NOT NULL, critical boolean NOT NULL, param_flags jsonb NOT NULL, interpretation jsonb NOT NULL,
      reference_range jsonb, device_id int, replaced_value text, change text NOT NULL DEFAULT 'none',
      source_at timestamptz NOT NULL,
      PRIMARY KEY (lab_id, lab_report_id, idx))`);
    await q.query(`CREATE TABLE ${s}.tests (
      lab_id int NOT NULL, test_id int NOT NULL, revision int NOT NULL, parameters jsonb NOT NULL,
      PRIMARY KEY (lab_id, test_id))`);
    await q.query(`CREATE TABLE ${s}.specimens (
      lab_id int NOT NULL, specimen_id text NOT NULL, patient_id text NOT NULL, sample_id text NOT NULL,
      collected_at timestamptz NOT NULL, received_time timestamptz, lab_report_ids jsonb NOT NULL DEFAULT '[]',
      PRIMARY KEY (lab_id, specimen_id))`);
    await q.query(`CREATE INDEX specimens_patient_idx ON ${s}.specimens (lab_id, patient_id)`);
    await q.query(`CREATE TABLE ${s}.devices (lab_id int NOT NULL, device_id int NOT NULL, name text NOT NULL, PRIMARY KEY (lab_id, device_id))`);
    await q.query(`CREATE TABLE ${s}.orders (
      lab_id int NOT NULL, order_id text NOT NULL, transaction_id text NOT NULL, origin text NOT NULL, parent_id text,
      performing_lab text NOT NULL, biomarkers jsonb NOT NULL, status text NOT NULL, transaction_status text NOT NULL,
      sequence int NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, patient jsonb,
      PRIMARY KEY (lab_id, order_id))`);
    await q.query(`CREATE INDEX orders_transaction_idx ON ${s}.orders (lab_id, transaction_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${SCHEMA}"`;
    await q.query(`DROP TABLE ${s}.patients, ${s}.lab_reports, ${s}.observations, ${s}.tests, ${s}.specimens, ${s}.devices, ${s}.orders`);
  }
}
