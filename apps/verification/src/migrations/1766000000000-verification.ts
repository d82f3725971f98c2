import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/** Rule sets, the read models decisions need (formats, reruns, QC holds, value history), decisions. */
export class Verification1766000000000 implements MigrationInterface {
  name = 'Verification1766000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${SCHEMA}"`;
    await q.query(`CREATE TABLE ${s}.report_formats (
      lab_id int NOT NULL, test_id int NOT NULL, revision int NOT NULL, parameters jsonb NOT NULL,
      PRIMARY KEY (lab_id, test_id))`);
    // devices of each lab (device.registered): a QC hold names one of them
    await q.query(`CREATE TABLE ${s}.devices (lab_id int NOT NULL, device_id int NOT NULL, name text NOT NULL, PRIMARY KEY (lab_id, device_id))`);
    await q.query(`CREATE TABLE ${s}.rule_sets (
      lab_id int NOT NULL, test_id int NOT NULL, version int NOT NULL, active boolean NOT NULL, rules jsonb NOT NULL,
      created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (lab_id, test_id, version))`);
    // The current QC state of a device: held while cleared_at is NULL.
    await q.query(`CREATE TABLE ${s}.qc_holds (
      lab_id int NOT NULL, device_id int NOT NULL, since timestamptz NOT NULL, reason text, set_by text NOT NULL,
      cleared_at timestamptz, cleared_by text, PRIMARY KEY (lab_id, device_id))`);
    // The rerun lifecycle as rerun's events tell it; (epoch, sequence) keeps an older event from reopening it.
    await q.query(`CREATE TABLE ${s}.reruns (
      lab_id int NOT NULL, lab_report_id int NOT NULL, lifecycle_epoch bigint NOT NULL, sequence int NOT NULL,
      open boolean NOT NULL, since timestamptz, requested_parameters jsonb NOT NULL DEFAULT '[]', confirmed int NOT NULL DEFAULT 0,
      PRIMARY KEY (lab_id, lab_report_id))`);
    await q.query(`CREATE TABLE ${s}.value_history (
      lab_id int NOT NULL, lab_report_id int NOT NULL, idx int NOT NULL, patient_id uuid NOT NULL, test_id int NOT NULL,
      numeric_value double precision NOT NULL, observed_at timestamptz NOT NULL,
      PRIMARY KEY (lab_id, lab_report_id, idx))`);
    await q.query(`CREATE INDEX value_history_patient_idx ON ${s}.value_history (lab_id, patient_id, test_id, idx, observed_at DESC)`);
    await q.query(`CREATE TABLE ${s}.report_states (
      lab_id int NOT NULL, lab_report_id int NOT NULL, bill_id int NOT NULL, patient_id uuid NOT NULL, test_id int NOT NULL,
      current_values jsonb NOT NULL, test_flags jsonb NOT NULL, test_flags_device_id int,
      status text NOT NULL CHECK (status IN ('auto_verified', 'held', 'released', 'rejected')),
      decision_id uuid NOT NULL, decisions int NOT NULL, rejected boolean NOT NULL DEFAULT false,
      PRIMARY KEY (lab_id, lab_report_id))`);
    await q.query(`CREATE TABLE ${s}.decisions (
      id uuid PRIMARY KEY, lab_id int NOT NULL, lab_report_id int NOT NULL, test_id int NOT NULL, update_id uuid NOT NULL,
      rule_set_version int, decided_status text NOT NULL, reasons jsonb NOT NULL, outcome jsonb NOT NULL, inputs jsonb NOT NULL,
      decided_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      review_action text, review_comment text, reviewed_by text, reviewed_at timestamptz, rerun_requested jsonb)`);
    await q.query(`CREATE INDEX decisions_report_idx ON ${s}.decisions (lab_id, lab_report_id, decided_at DESC)`);
    await q.query(`CREATE INDEX decisions_test_idx ON ${s}.decisions (lab_id, test_id, decided_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${SCHEMA}"`;
    await q.query(`DROP TABLE ${s}.decisions, ${s}.report_states, ${s}.value_history, ${s}.reruns, ${s}.qc_holds, ${s}.rule_sets, ${s}.devices, ${s}.report_formats`);
  }
}
