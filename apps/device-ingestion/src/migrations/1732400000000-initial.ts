import { MigrationInterface, QueryRunner } from 'typeorm';
import { platformTablesSql } from '@labflow/platform/kafka';

const SCHEMA = 'device_ingestion';

export class Initial1732400000000 implements MigrationInterface {
  name = 'Initial1732400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of platformTablesSql(SCHEMA)) await q.query(sql);
    await q.query(`CREATE TABLE "${SCHEMA}".devices (
      id serial PRIMARY KEY,
      lab_id int NOT NULL,
      name text NOT NULL,
      auth_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX devices_lab_idx ON "${SCHEMA}".devices (lab_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}".devices`);
  }
}
