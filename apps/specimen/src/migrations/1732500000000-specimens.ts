import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/** seed 003: specimens (from registration), received-time jobs, and the party / legal entity data the authorization rules read. */
export class Specimens1732500000000 implements MigrationInterface {
  name = 'Specimens1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${SCHEMA}".specimens (
      id uuid PRIMARY KEY,
      lab_id int NOT NULL,
      patient_id uuid NOT NULL,
      bill_id int NOT NULL,
      sample_id text NOT NULL,
      status text NOT NULL DEFAULT 'available'
        CHECK (status IN ('available', 'unavailable', 'unsatisfactory', 'entered_in_error')),
      collected_at timestamptz NOT NULL,
      received_time timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by text
    )`);
    await q.query(`CREATE INDEX specimens_lab_patient_idx ON "${SCHEMA}".specimens (lab_id, patient_id)`);
    await q.query(`CREATE TABLE "${SCHEMA}".jobs (
      id uuid PRIMARY KEY,
      lab_id int NOT NULL,
      type text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'failed')),
      specimen_id uuid NOT NULL,
      patient_id uuid NOT NULL,
      received_time timestamptz NOT NULL,
      requested_by text NOT NULL,
      correlation_id text NOT NULL,
      causation_id text,
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      error jsonb,
      result jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX jobs_pending_idx ON "${SCHEMA}".jobs (created_at) WHERE status = 'pending'`);
    await q.query(`CREATE TABLE "${SCHEMA}".parties (
      lab_id int NOT NULL,
      id text NOT NULL,
      verification_status text NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (lab_id, id)
    )`);
    await q.query(`CREATE TABLE "${SCHEMA}".party_verifications (
      lab_id int NOT NULL,
      party_id text NOT NULL,
      dracs_death_verification_status text,
      dracs_death_verification_reason text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (lab_id, party_id)
    )`);
    await q.query(`CREATE TABLE "${SCHEMA}".legal_entities (
      lab_id int NOT NULL,
      id text NOT NULL,
      status text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (lab_id, id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}".legal_entities, "${SCHEMA}".party_verifications, "${SCHEMA}".parties, "${SCHEMA}".jobs, "${SCHEMA}".specimens`);
  }
}
