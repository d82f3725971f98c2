import { Queryable } from '@labflow/platform/kafka';
import { AgeRangeDto, AttemptedCalloutView, CalloutStatus, ReportParameterDto } from '@labflow/contracts';
import { SCHEMA } from '../migrations';
import { DepartmentScope, scopeCondition } from './department-scope';
import { LabReportRepository } from './lab-report.repository';

const S = `"${SCHEMA}"`;

/** A stored value of a report, relational or document, as the number-or-text the reads show. */
export interface StoredValue { index: number; value: number | string }

export interface CriticalReportRow {
  id: number; bill_id: number; test_id: number; department_id: number | null; is_signed: number;
  critical_values: CalloutStatus; patient_id: string; doctor_id: number | null; organization_id: number | null;
  test_name: string; test_type: string; document_report: number; report_data: ReportParameterDto[];
  age_range_data: AgeRangeDto[]; date_of_birth: string; gender: string; collected_at: Date | null;
}

/** Reads of the critical records view; every query takes the lab. Two round trips for a whole bill. */
export class CriticalRecordsRepository {
  constructor(private readonly session: Queryable, private readonly reports: LabReportRepository) {}

  async billExists(labId: number, billId: number): Promise<boolean> {
    const rows: unknown[] = await this.session.query(`SELECT 1 FROM ${S}.bills WHERE lab_id = $1 AND id = $2`, [labId, billId]);
    return rows.length > 0;
  }

  /** seed 001 filters: dismissed 0, sampleCollected 1, criticalValues in done/pending/attempted, the caller's departments. */
  async criticalReports(labId: number, billId: number, scope: DepartmentScope): Promise<CriticalReportRow[]> {
    const condition = scopeCondition(scope, 3);
    const rows: CriticalReportRow[] = await this.session.query(
      `SELECT lr.id, lr.bill_id, lr.test_id, lr.department_id, lr.is_signed, lr.critical_values, lr.patient_id,
         b.doctor_id, b.organization_id, t.test_name, t.test_type, t.document_report, t.report_data, t.age_range_data,
         to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.gender, s.collected_at
       FROM ${S}.lab_reports lr
       JOIN ${S}.bills b ON b.id = lr.bill_id AND b.lab_id = lr.lab_id
       JOIN ${S}.tests t ON t.id = lr.test_id AND t.lab_id = lr.lab_id
       JOIN ${S}.patients p ON p.id = lr.patient_id AND p.lab_id = lr.lab_id
       LEFT JOIN ${S}.samples s ON s.lab_id = lr.lab_id AND s.sample_id = lr.sample_id
       WHERE lr.lab_id = $1 AND lr.bill_id = $2 AND lr.dismissed = 0 AND lr.sample_collected = 1
         AND lr.critical_values IN ('done', 'pending', 'attempted') AND (${condition.sql})
       ORDER BY lr.id`,
      [labId, billId, ...condition.params],
    );
    return rows;
  }

  /**
   * The stored values of all the reports at once (the batch seed 001 asks for), in one query: every
   * applied value is in the relational values, document reports' too.
   */
  async valuesOf(labId: number, reports: CriticalReportRow[]): Promise<Map<number, StoredValue[]>> {
    const byReport = new Map<number, StoredValue[]>(reports.map((r) => [r.id, []]));
    for (const v of await this.reports.values(labId, reports.map((r) => r.id))) byReport.get(v.labReportId)?.push({ index: v.index, value: v.numericValue ?? v.value });
    return byReport;
  }

  async draftOf(labId: number, billId: number): Promise<AttemptedCalloutView | null> {
    const rows: { draft: AttemptedCalloutView }[] = await this.session.query(
      `SELECT draft FROM ${S}.critical_callout_drafts WHERE lab_id = $1 AND bill_id = $2`, [labId, billId],
    );
    return rows[0]?.draft ?? null;
  }
}
