import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/** Tests with their report formats, patients, bills, samples, lab reports and relational values (seed 002). */
export class LabReports1764000000000 implements MigrationInterface {
  name = 'LabReports1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${SCHEMA}"`;
    await q.query(`CREATE TABLE ${s}.tests (
      id serial PRIMARY KEY,
      lab_id int NOT NULL,
      test_name text NOT NULL,
      test_type text NOT NULL,
      document_report int NOT NULL DEFAULT 0,
      show_device_extra_data_in_pdf boolean NOT NULL DEFAULT false,
      department_id int,
      report_data jsonb NOT NULL,
      age_range_data jsonb NOT NULL,
      calculations jsonb NOT NULL,
      child_labs jsonb NOT NULL,
      revision int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX tests_lab_idx ON ${s}.tests (lab_id)`);
    await q.query(`CREATE TABLE ${s}.patients (
      id uuid PRIMARY KEY,
      lab_id int NOT NULL,
      name text NOT NULL,
      date_of_birth date NOT NULL,
      gender text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE ${s}.bills (
      id serial PRIMARY KEY,
      lab_id int NOT NULL,
      patient_id uuid NOT NULL REFERENCES ${s}.patients(id),
      doctor_id int,
      organization_id int,
      registered_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE ${s}.samples (
      lab_id int NOT NULL,
      sample_id text NOT NULL,
      bill_id int NOT NULL REFERENCES ${s}.bills(id),
      specimen_id uuid NOT NULL UNIQUE,
      collected_at timestamptz NOT NULL,
      PRIMARY KEY (lab_id, sample_id)
    )`);
    await q.query(`CREATE TABLE ${s}.lab_reports (
      id serial PRIMARY KEY,
      lab_id int NOT NULL,
      bill_id int NOT NULL REFERENCES ${s}.bills(id),
      patient_id uuid NOT NULL REFERENCES ${s}.patients(id),
      test_id int NOT NULL REFERENCES ${s}.tests(id),
      sample_id text NOT NULL,
      department_id int,
      sample_collected int NOT NULL DEFAULT 1,
      dismissed int NOT NULL DEFAULT 0,
      sample_redraw_flag int NOT NULL DEFAULT 0,
      critical_values text NOT NULL DEFAULT 'none',
      is_signed int NOT NULL DEFAULT 0,
      signed_at timestamptz,
      signed_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX lab_reports_sample_idx ON ${s}.lab_reports (lab_id, sample_id)`);
    await q.query(`CREATE INDEX lab_reports_patient_idx ON ${s}.lab_reports (lab_id, patient_id, test_id)`);
    // Relational values of non-document reports: value only, no machine flags (seed 002 §1).
    await q.query(`CREATE TABLE ${s}.report_values (
      lab_id int NOT NULL,
      lab_report_id int NOT NULL REFERENCES ${s}.lab_reports(id),
      index int NOT NULL,
      value text NOT NULL,
      numeric_value double precision,
      device_id int,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (lab_report_id, index)
    )`);
    // Read model of device-ingestion's devices (device.registered) for the validation screen.
    await q.query(`CREATE TABLE ${s}.devices (
      id int PRIMARY KEY,
      lab_id int NOT NULL,
      name text NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${SCHEMA}"`;
    await q.query(`DROP TABLE ${s}.devices, ${s}.report_values, ${s}.lab_reports, ${s}.samples, ${s}.bills, ${s}.patients, ${s}.tests`);
  }
}
