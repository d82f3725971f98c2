import { Queryable } from '@labflow/platform/kafka';
import { StoredMapping } from '../mappings/mapping-functions';
import { SampleReport } from '../samples/sample.repository';

const S = '"device_ingestion"';

/** What one analyzer upload needs: the device its token names, its mappings and flag table, and the sample's reports. */
export interface IngestionContext {
  device: { id: number; labId: number; name: string };
  mappings: StoredMapping[];
  flagTable: Record<string, string>;
  /** The lab reports of the upload's sample (empty: the sample is not registered in this lab). */
  reports: SampleReport[];
}

/** The one row of the upload's statement: a device with its mappings and the sample's reports as JSON arrays. */
interface ContextRow {
  id: number; lab_id: number; name: string; flag_interpretations: Record<string, string> | null;
  mappings: { id: number; test_id: number; function_name: string; parameters: StoredMapping['parameters'] }[];
  reports: { lab_report_id: number; test_id: number; bill_id: number }[];
}

/**
 * Everything an upload reads, in one statement (the hot path of every upload): the device of the
 * token's hash in the upload's lab, with its test mappings, its flag table and the reports of the
 * sample. No row (null) when the token names no device of that lab: another lab's device is refused
 * like an unknown one.
 */
export class IngestionContextRepository {
  constructor(private readonly session: Queryable) {}

  async forUpload(authHash: string, labId: number, sampleId: string): Promise<IngestionContext | null> {
    const rows: ContextRow[] = await this.session.query(
      `SELECT d.id, d.lab_id, d.name, d.flag_interpretations,
         COALESCE((SELECT json_agg(json_build_object('id', m.id, 'test_id', m.test_id, 'function_name', m.function_name, 'parameters', m.parameters) ORDER BY m.id)
                   FROM ${S}.device_test_mappings m WHERE m.lab_id = d.lab_id AND m.device_id = d.id), '[]'::json) AS mappings,
         COALESCE((SELECT json_agg(json_build_object('lab_report_id', r.lab_report_id, 'test_id', r.test_id, 'bill_id', r.bill_id) ORDER BY r.lab_report_id)
                   FROM ${S}.sample_reports r WHERE r.lab_id = d.lab_id AND r.sample_id = $3), '[]'::json) AS reports
       FROM ${S}.devices d WHERE d.auth_hash = $1 AND d.lab_id = $2`,
      [authHash, labId, sampleId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      device: { id: row.id, labId: row.lab_id, name: row.name },
      mappings: row.mappings.map((m) => ({ id: m.id, labId: row.lab_id, deviceId: row.id, testId: m.test_id, functionName: m.function_name, parameters: m.parameters })),
      flagTable: row.flag_interpretations ?? {},
      reports: row.reports.map((r) => ({ labReportId: r.lab_report_id, testId: r.test_id, billId: r.bill_id })),
    };
  }
}
