import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

/** A device as reporting keeps it (device.registered): what leaves the repository. */
export interface DeviceRow { id: number; name: string }

/** Reporting's copy of the lab's analyzers: names for the validation screen. Every query carries its lab. */
export class DeviceRepository {
  constructor(private readonly session: Queryable) {}

  async find(labId: number, deviceId: number): Promise<DeviceRow | null> {
    const rows: DeviceRow[] = await this.session.query(
      `SELECT id, name FROM "${SCHEMA}".devices WHERE lab_id = $1 AND id = $2`, [labId, deviceId],
    );
    return rows[0] ?? null;
  }

  /** A device registered again (renamed) keeps its id. */
  async save(device: { labId: number; deviceId: number; name: string }): Promise<void> {
    await this.session.query(
      `INSERT INTO "${SCHEMA}".devices (id, lab_id, name) VALUES ($1,$2,$3) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
      [device.deviceId, device.labId, device.name],
    );
  }
}
