import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

const S = `"${SCHEMA}"`;

/** The analyzers of each lab, as device.registered tells them. */
export class DeviceRepository {
  constructor(private readonly db: Queryable) {}

  async save(labId: number, deviceId: number, name: string): Promise<void> {
    await this.db.query(
      `INSERT INTO ${S}.devices (lab_id, device_id, name) VALUES ($1, $2, $3) ON CONFLICT (lab_id, device_id) DO UPDATE SET name = EXCLUDED.name`,
      [labId, deviceId, name],
    );
  }

  async exists(labId: number, deviceId: number): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM ${S}.devices WHERE lab_id = $1 AND device_id = $2`, [labId, deviceId]);
    return rows.length > 0;
  }
}
