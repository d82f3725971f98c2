import { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'device_ingestion';

/** Device→test mappings, the sample read model (bill.registered) and accepted analyzer payloads (seed 002 §2). */
export class DeviceData1764000000000 implements MigrationInterface {
  name = 'DeviceData1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${SCHEMA}"`;
    await q.query(`ALTER TABLE ${s}.devices ADD COLUMN flag_interpretations jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`CREATE TABLE ${s}.device_test_mappings (
      id serial PRIMARY KEY,
      lab_id int NOT NULL,
      device_id int NOT NULL REFERENCES ${s}.devices(id),
      test_id int NOT NULL,
      function_name text NOT NULL,
      parameters jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (device_id, test_id)
    )`);
    await q.query(`CREATE TABLE ${s}.sample_reports (
      lab_id int NOT NULL,
      sample_id text NOT NULL,
      lab_report_id int PRIMARY KEY,
      test_id int NOT NULL,
      bill_id int NOT NULL
    )`);
    await q.query(`CREATE INDEX sample_reports_sample_idx ON ${s}.sample_reports (lab_id, sample_id)`);
    await q.query(`CREATE TABLE ${s}.device_payloads (
      idempotency_key text PRIMARY KEY,
      result_id uuid NOT NULL UNIQUE,
      lab_id int NOT NULL,
      device_id int NOT NULL,
      sample_id text NOT NULL,
      payload jsonb NOT NULL,
      response jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${SCHEMA}"`;
    await q.query(`DROP TABLE ${s}.device_payloads, ${s}.sample_reports, ${s}.device_test_mappings`);
    await q.query(`ALTER TABLE ${s}.devices DROP COLUMN flag_interpretations`);
  }
}
