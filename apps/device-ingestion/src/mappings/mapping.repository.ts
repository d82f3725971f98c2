import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StoredMapping } from './mapping-functions';

const S = '"device_ingestion"';

interface Row { id: number; lab_id: number; device_id: number; test_id: number; function_name: string; parameters: StoredMapping['parameters'] }
const toMapping = (r: Row): StoredMapping => ({
  id: r.id, labId: r.lab_id, deviceId: r.device_id, testId: r.test_id, functionName: r.function_name, parameters: r.parameters,
});

/** Device→test mappings and each device's flag table. Every query is scoped by lab. */
@Injectable()
export class MappingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One mapping per device and test: saving again replaces it. */
  async upsert(manager: EntityManager, m: Omit<StoredMapping, 'id'>): Promise<StoredMapping> {
    const rows: Row[] = await manager.query(
      `INSERT INTO ${S}.device_test_mappings (lab_id, device_id, test_id, function_name, parameters) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (device_id, test_id) DO UPDATE SET function_name = EXCLUDED.function_name, parameters = EXCLUDED.parameters, updated_at = now()
       RETURNING *`,
      [m.labId, m.deviceId, m.testId, m.functionName, JSON.stringify(m.parameters)],
    );
    return toMapping(rows[0]);
  }

  async setFlagTable(manager: EntityManager, labId: number, deviceId: number, table: Record<string, string>): Promise<void> {
    await manager.query(`UPDATE ${S}.devices SET flag_interpretations = $3 WHERE lab_id = $1 AND id = $2`, [labId, deviceId, JSON.stringify(table)]);
  }

  async flagTable(labId: number, deviceId: number, manager: EntityManager = this.dataSource.manager): Promise<Record<string, string>> {
    const rows: { flag_interpretations: Record<string, string> }[] = await manager.query(
      `SELECT flag_interpretations FROM ${S}.devices WHERE lab_id = $1 AND id = $2`, [labId, deviceId],
    );
    return rows[0]?.flag_interpretations ?? {};
  }
}
