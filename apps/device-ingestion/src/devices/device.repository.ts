import { Queryable } from '@labflow/platform/kafka';

const S = '"device_ingestion"';

/** An analyzer (or interfacing bridge) registered to one lab. Its token is stored only as a hash. */
export interface DeviceRecord {
  id: number;
  labId: number;
  name: string;
  createdAt: Date;
}

/** A row of `devices` as this repository selects it. */
interface DeviceRow { id: number; lab_id: number; name: string; created_at: Date }

const toDevice = (r: DeviceRow): DeviceRecord => ({ id: r.id, labId: r.lab_id, name: r.name, createdAt: r.created_at });

/** Writes and lab-scoped reads of devices (an upload's token lookup: IngestionContextRepository). */
export class DeviceRepository {
  constructor(private readonly session: Queryable) {}

  async insert(device: { labId: number; name: string; authHash: string }): Promise<DeviceRecord> {
    const rows: DeviceRow[] = await this.session.query(
      `INSERT INTO ${S}.devices (lab_id, name, auth_hash) VALUES ($1, $2, $3) RETURNING id, lab_id, name, created_at`,
      [device.labId, device.name, device.authHash],
    );
    return toDevice(rows[0]);
  }

  async findById(labId: number, id: number): Promise<DeviceRecord | null> {
    const rows: DeviceRow[] = await this.session.query(
      `SELECT id, lab_id, name, created_at FROM ${S}.devices WHERE lab_id = $1 AND id = $2`, [labId, id],
    );
    return rows[0] ? toDevice(rows[0]) : null;
  }
}
