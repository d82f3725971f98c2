import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';
import { EvaluatedValue, PreviousResult } from '../rules/decision';

const S = `"${SCHEMA}"`;

/** Each patient's numeric results per test parameter, for delta checks. */
export class ValueHistoryRepository {
  constructor(private readonly db: Queryable) {}

  /** A report keeps one value per parameter: its latest. */
  async record(r: { labId: number; labReportId: number; patientId: string; testId: number }, values: EvaluatedValue[]): Promise<void> {
    const numeric = values.filter((v) => v.numericValue !== null && Number.isFinite(v.numericValue));
    if (numeric.length === 0) return;
    await this.db.query(
      `INSERT INTO ${S}.value_history (lab_id, lab_report_id, idx, patient_id, test_id, numeric_value, observed_at)
       SELECT $1, $2, v.idx, $3, $4, v.numeric_value, v.observed_at
       FROM unnest($5::int[], $6::float8[], $7::timestamptz[]) AS v(idx, numeric_value, observed_at)
       ON CONFLICT (lab_id, lab_report_id, idx) DO UPDATE SET numeric_value = EXCLUDED.numeric_value, observed_at = EXCLUDED.observed_at`,
      [r.labId, r.labReportId, r.patientId, r.testId, numeric.map((v) => v.index), numeric.map((v) => v.numericValue), numeric.map((v) => v.observedAt)],
    );
  }

  /**
   * The patient's most recent result of each parameter from another lab report of the test, observed
   * before `before`. No window here: the rule's look-back applies in the engine, and a dry run with a
   * longer window sees the same previous result.
   */
  async previous(r: { labId: number; labReportId: number; patientId: string; testId: number }, indexes: number[], before: string): Promise<PreviousResult[]> {
    if (indexes.length === 0) return [];
    const rows: { idx: number; numeric_value: number; observed_at: Date; lab_report_id: number }[] = await this.db.query(
      `SELECT DISTINCT ON (idx) idx, numeric_value, observed_at, lab_report_id FROM ${S}.value_history
       WHERE lab_id = $1 AND patient_id = $2 AND test_id = $3 AND idx = ANY($4::int[]) AND lab_report_id <> $5 AND observed_at < $6
       ORDER BY idx, observed_at DESC`,
      [r.labId, r.patientId, r.testId, indexes, r.labReportId, before],
    );
    return rows.map((row) => ({
      index: row.idx, numericValue: Number(row.numeric_value), observedAt: new Date(row.observed_at).toISOString(), labReportId: row.lab_report_id,
    }));
  }
}
