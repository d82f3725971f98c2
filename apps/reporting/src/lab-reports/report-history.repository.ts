import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

/** One earlier value of the same patient and test (seed 002 §3 historicalValuesByIndex, §5 parameter_historical_values). */
export interface HistoricalValue {
  labReportId: number;
  index: number;
  value: number | string;
  date: string;
}

/** How many earlier reports of the same patient and test a history shows. */
export const HISTORY_DEPTH = 20;

/**
 * The history of the lab report aliased `r` as one JSON array (null when empty), newest earlier
 * report first, each by index. Every applied value is in the relational values (document reports
 * too, without flags), so no document read is needed for history.
 */
export const HISTORY_JSON = `(SELECT json_agg(json_build_object('labReportId', e.id, 'createdAt', e.created_at, 'index', v.index, 'value', v.value, 'numericValue', v.numeric_value)
     ORDER BY e.id DESC, v.index)
   FROM (SELECT e.id, e.created_at FROM "${SCHEMA}".lab_reports e
         WHERE e.lab_id = r.lab_id AND e.patient_id = r.patient_id AND e.test_id = r.test_id AND e.id < r.id
         ORDER BY e.id DESC LIMIT ${HISTORY_DEPTH}) e
   JOIN "${SCHEMA}".report_values v ON v.lab_id = r.lab_id AND v.lab_report_id = e.id)`;

/** One element of `HISTORY_JSON` as PostgreSQL writes it. */
export interface HistoryJson { labReportId: number; createdAt: string; index: number; value: string; numericValue: number | null }

export function historyOf(json: HistoryJson[] | null): HistoricalValue[] {
  return (json ?? []).map((h) => ({ labReportId: h.labReportId, index: h.index, value: h.numericValue ?? h.value, date: new Date(h.createdAt).toISOString() }));
}

/** Histories of many reports in one query (the report-entry read gets its own with the report: ReportWithTestRepository). */
export class ReportHistoryRepository {
  constructor(private readonly session: Queryable) {}

  async of(labId: number, labReportIds: number[]): Promise<Map<number, HistoricalValue[]>> {
    const out = new Map<number, HistoricalValue[]>(labReportIds.map((id) => [id, []]));
    if (labReportIds.length === 0) return out;
    const rows: { id: number; history: HistoryJson[] | null }[] = await this.session.query(
      `SELECT r.id, ${HISTORY_JSON} AS history FROM "${SCHEMA}".lab_reports r WHERE r.lab_id = $1 AND r.id = ANY($2::int[])`,
      [labId, labReportIds],
    );
    for (const r of rows) out.set(r.id, historyOf(r.history));
    return out;
  }
}
