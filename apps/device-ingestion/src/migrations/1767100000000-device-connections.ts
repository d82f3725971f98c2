import { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'device_ingestion';

/**
 * Each device's registered connection (how its analyzer bridge reaches the instrument), at most one
 * per device. One address per bridge of a lab: two devices cannot listen on (or connect to) the same
 * (mode, host, port) of one bridge instance.
 */
export class DeviceConnections1767100000000 implements MigrationInterface {
  name = 'DeviceConnections1767100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${SCHEMA}"`;
    await q.query(`CREATE TABLE ${s}.device_connections (
      device_id int PRIMARY KEY REFERENCES ${s}.devices(id) ON DELETE CASCADE,
      lab_id int NOT NULL,
      protocol text NOT NULL CHECK (protocol IN ('astm', 'hl7')),
      mode text NOT NULL CHECK (mode IN ('server', 'client')),
      host text NOT NULL,
      port int NOT NULL CHECK (port BETWEEN 1 AND 65535),
      profile text NOT NULL,
      reconnect_ms int NOT NULL,
      bridge text NOT NULL DEFAULT 'default',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX device_connections_address_idx ON ${s}.device_connections (lab_id, bridge, mode, host, port)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}".device_connections`);
  }
}
