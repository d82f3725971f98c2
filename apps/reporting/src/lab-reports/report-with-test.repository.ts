import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';
import { labReportOfRow, LabReportRow, LabReportView, REPORT_COLUMNS, REPORT_FROM } from './lab-report.repository';
import { HISTORY_JSON, HistoricalValue, historyOf, HistoryJson } from './report-history.repository';
import { StoredTest, storedTestOf, TestRow } from './test.repository';
import { VERIFICATION_JSON, verificationBlockOf, VerificationRow } from './verification-status.repository';
import type { ReportVerificationBlock } from '@labflow/contracts';

/** A relational value of a report (document reports' too, without flags). */
export interface RelationalValue { index: number; value: string; numericValue: number | null }

/** A lab report with its test and, when asked for, its relational values, history and verification status. */
export interface ReportWithTest {
  report: LabReportView;
  test: StoredTest;
  values: RelationalValue[];
  history: HistoricalValue[];
  /** null when not asked for or never decided */
  verification: ReportVerificationBlock | null;
}

export interface ReportParts {
  values?: boolean;
  history?: boolean;
  verification?: boolean;
}

const TEST_COLUMNS = `t.test_type, t.show_device_extra_data_in_pdf, t.department_id AS test_department_id, t.report_data,
  t.age_range_data, t.calculations, t.child_labs, t.revision, t.updated_at AS test_updated_at`;
const VALUES_JSON = `(SELECT json_agg(json_build_object('index', v.index, 'value', v.value, 'numericValue', v.numeric_value) ORDER BY v.index)
   FROM "${SCHEMA}".report_values v WHERE v.lab_id = r.lab_id AND v.lab_report_id = r.id)`;

type Row = LabReportRow & Omit<TestRow, 'id' | 'lab_id' | 'department_id' | 'updated_at' | 'test_name' | 'document_report'> & {
  test_department_id: number | null; test_updated_at: Date; values_json: RelationalValue[] | null; history_json: HistoryJson[] | null;
  verification_json: VerificationRow | null;
};

/**
 * Lab reports with their tests (and values, history, verification status) in one statement: the hot reads (report entry,
 * the rerun context asked for every upload, a batch of uploads) make one round trip instead of three.
 */
export class ReportWithTestRepository {
  constructor(private readonly session: Queryable) {}

  async find(labId: number, ids: number[], parts: ReportParts = {}): Promise<ReportWithTest[]> {
    if (ids.length === 0) return [];
    const rows: Row[] = await this.session.query(this.statement(parts), [labId, ids]);
    return rows.map((r) => ({
      report: labReportOfRow(r),
      // only a test of the report's own lab counts (the WHERE clause): a report without one is not found
      test: storedTestOf({ ...r, id: r.test_id, department_id: r.test_department_id, updated_at: r.test_updated_at }),
      values: r.values_json ?? [],
      history: historyOf(r.history_json),
      verification: verificationBlockOf(r.verification_json),
    }));
  }

  async findOne(labId: number, id: number, parts: ReportParts = {}): Promise<ReportWithTest | null> {
    return (await this.find(labId, [id], parts))[0] ?? null;
  }

  /** The same text for the same parts, so PostgreSQL and pg see a few statements only. */
  private statement(parts: ReportParts): string {
    return `SELECT ${REPORT_COLUMNS}, ${TEST_COLUMNS},
        ${parts.values ? VALUES_JSON : 'NULL'} AS values_json,
        ${parts.history ? HISTORY_JSON : 'NULL'} AS history_json,
        ${parts.verification ? VERIFICATION_JSON : 'NULL'} AS verification_json
      FROM ${REPORT_FROM} WHERE r.lab_id = $1 AND r.id = ANY($2::int[]) AND t.lab_id = r.lab_id ORDER BY r.id`;
  }
}
