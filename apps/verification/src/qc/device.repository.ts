import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SCHEMA } from '../migrations';

const S = `"${SCHEMA}"`;

/** The analyzers of each lab, as device.registered tells them. */
@Injectable()
export class DeviceRepository {
  async save(manager: EntityManager, labId: number, deviceId: number, name: string): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}.devices (lab_id, device_id, name) VALUES ($1, $2, $3) ON CONFLICT (lab_id, device_id) DO UPDATE SET name = EXCLUDED.name`,
      [labId, deviceId, name],
    );
  }

  async exists(manager: EntityManager, labId: number, deviceId: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM ${S}.devices WHERE lab_id = $1 AND device_id = $2`, [labId, deviceId]);
    return rows.length > 0;
  }
}
