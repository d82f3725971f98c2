import { Queryable } from '@labflow/platform/kafka';
import { StoredMapping } from './mapping-functions';

const S = '"device_ingestion"';

/** A row of `device_test_mappings` (RETURNING *). */
interface MappingRow {
  id: number; lab_id: number; device_id: number; test_id: number; function_name: string; parameters: StoredMapping['parameters']; updated_at: Date;
}
/** A device's flag table, as selected. */
interface FlagTableRow { flag_interpretations: Record<string, string> }

const toMapping = (r: MappingRow): StoredMapping => ({
  id: r.id, labId: r.lab_id, deviceId: r.device_id, testId: r.test_id, functionName: r.function_name, parameters: r.parameters,
});

/** Device→test mappings and each device's flag table. Every query is scoped by lab. */
export class MappingRepository {
  constructor(private readonly session: Queryable) {}

  /** One mapping per device and test: saving again replaces it. */
  async upsert(m: Omit<StoredMapping, 'id'>): Promise<StoredMapping> {
    const rows: MappingRow[] = await this.session.query(
      `INSERT INTO ${S}.device_test_mappings (lab_id, device_id, test_id, function_name, parameters) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (device_id, test_id) DO UPDATE SET function_name = EXCLUDED.function_name, parameters = EXCLUDED.parameters, updated_at = now()
       RETURNING *`,
      [m.labId, m.deviceId, m.testId, m.functionName, JSON.stringify(m.parameters)],
    );
    return toMapping(rows[0]);
  }

  async setFlagTable(labId: number, deviceId: number, table: Record<string, string>): Promise<void> {
    await this.session.query(`UPDATE ${S}.devices SET flag_interpretations = $3 WHERE lab_id = $1 AND id = $2`, [labId, deviceId, JSON.stringify(table)]);
  }

  async flagTable(labId: number, deviceId: number): Promise<Record<string, string>> {
    const rows: FlagTableRow[] = await this.session.query(
      `SELECT flag_interpretations FROM ${S}.devices WHERE lab_id = $1 AND id = $2`, [labId, deviceId],
    );
    return rows[0]?.flag_interpretations ?? {};
  }
}
