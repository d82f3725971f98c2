import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1767000000000-initial';

/**
 * Every message an instrument sent, stored (raw bytes) before it is acknowledged; the uploads it
 * became, each delivered to the gateway until accepted or refused; QC runs, kept apart from patient results.
 */
export class InstrumentMessages1767000000001 implements MigrationInterface {
  name = 'InstrumentMessages1767000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${SCHEMA}".instrument_messages (
      id uuid PRIMARY KEY,
      device text NOT NULL,
      lab_id int NOT NULL,
      protocol text NOT NULL CHECK (protocol IN ('astm', 'hl7')),
      raw bytea NOT NULL,
      control_id text NOT NULL DEFAULT '',
      message_type text NOT NULL DEFAULT '',
      problems jsonb NOT NULL DEFAULT '[]',
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX instrument_messages_device ON "${SCHEMA}".instrument_messages (device, received_at)`);
    await q.query(`CREATE TABLE "${SCHEMA}".uploads (
      id uuid PRIMARY KEY,
      message_id uuid NOT NULL REFERENCES "${SCHEMA}".instrument_messages (id),
      device text NOT NULL,
      lab_id int NOT NULL,
      sample_id text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'refused')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_status int,
      last_error text,
      answer jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      settled_at timestamptz
    )`);
    await q.query(`CREATE INDEX uploads_due ON "${SCHEMA}".uploads (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE TABLE "${SCHEMA}".qc_results (
      id uuid PRIMARY KEY,
      message_id uuid NOT NULL REFERENCES "${SCHEMA}".instrument_messages (id),
      device text NOT NULL,
      lab_id int NOT NULL,
      sample_id text NOT NULL,
      results jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}".qc_results, "${SCHEMA}".uploads, "${SCHEMA}".instrument_messages`);
  }
}
