import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StoredMapping } from '../mappings/mapping-functions';

const S = '"device_ingestion"';

/** What one analyzer upload needs to know about the device its token names. */
export interface IngestionContext {
  device: { id: number; labId: number; name: string };
  mappings: StoredMapping[];
  flagTable: Record<string, string>;
}

interface Row {
  id: number; lab_id: number; name: string; flag_interpretations: Record<string, string> | null;
  mappings: { id: number; test_id: number; function_name: string; parameters: StoredMapping['parameters'] }[];
}

/**
 * The device of a token with its test mappings and flag table in one round trip (the hot path of
 * every upload): the device is found by its token's hash whatever its lab; the caller checks the lab.
 */
@Injectable()
export class IngestionContextQuery {
  constructor(private readonly dataSource: DataSource) {}

  async byAuthHash(authHash: string): Promise<IngestionContext | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT d.id, d.lab_id, d.name, d.flag_interpretations,
         COALESCE((SELECT json_agg(json_build_object('id', m.id, 'test_id', m.test_id, 'function_name', m.function_name, 'parameters', m.parameters) ORDER BY m.id)
                   FROM ${S}.device_test_mappings m WHERE m.lab_id = d.lab_id AND m.device_id = d.id), '[]'::json) AS mappings
       FROM ${S}.devices d WHERE d.auth_hash = $1`,
      [authHash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      device: { id: row.id, labId: row.lab_id, name: row.name },
      mappings: row.mappings.map((m) => ({ id: m.id, labId: row.lab_id, deviceId: row.id, testId: m.test_id, functionName: m.function_name, parameters: m.parameters })),
      flagTable: row.flag_interpretations ?? {},
    };
  }
}
