import { CalloutStatus } from '@labflow/contracts';
import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

/** A lab report with what evaluating and showing its values needs (test format, patient, bill). */
export interface LabReportView {
  id: number;
  labId: number;
  billId: number;
  patientId: string;
  testId: number;
  sampleId: string;
  departmentId: number | null;
  sampleCollected: number;
  dismissed: number;
  sampleRedrawFlag: number;
  criticalValues: 'none' | CalloutStatus;
  isSigned: number;
  signedAt: Date | null;
  signedBy: string | null;
  createdAt: Date;
  documentReport: number;
  testName: string;
  patientName: string;
  dateOfBirth: string;
  gender: string;
}

/** The columns of a lab report view, over `REPORT_FROM` (r: the report, t: its test, p: its patient). */
export const REPORT_COLUMNS = `r.id, r.lab_id, r.bill_id, r.patient_id, r.test_id, r.sample_id, r.department_id, r.sample_collected,
  r.dismissed, r.sample_redraw_flag, r.critical_values, r.is_signed, r.signed_at, r.signed_by, r.created_at,
  t.document_report, t.test_name, p.name AS patient_name, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.gender`;
export const REPORT_FROM = `"${SCHEMA}".lab_reports r JOIN "${SCHEMA}".tests t ON t.id = r.test_id JOIN "${SCHEMA}".patients p ON p.id = r.patient_id`;
const SELECT = `SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM}`;

export interface LabReportRow {
  id: number; lab_id: number; bill_id: number; patient_id: string; test_id: number; sample_id: string; department_id: number | null;
  sample_collected: number; dismissed: number; sample_redraw_flag: number; critical_values: LabReportView['criticalValues'];
  is_signed: number; signed_at: Date | null; signed_by: string | null; created_at: Date; document_report: number; test_name: string;
  patient_name: string; date_of_birth: string; gender: string;
}

export const labReportOfRow = (r: LabReportRow): LabReportView => ({
  id: r.id, labId: r.lab_id, billId: r.bill_id, patientId: r.patient_id, testId: r.test_id, sampleId: r.sample_id,
  departmentId: r.department_id, sampleCollected: r.sample_collected, dismissed: r.dismissed, sampleRedrawFlag: r.sample_redraw_flag,
  criticalValues: r.critical_values, isSigned: r.is_signed, signedAt: r.signed_at, signedBy: r.signed_by, createdAt: r.created_at,
  documentReport: r.document_report, testName: r.test_name, patientName: r.patient_name, dateOfBirth: r.date_of_birth, gender: r.gender,
});

/** A relational value as text: a document report's as its stored number, a relational one as entered. */
export function valueAsText(documentReport: number, v: { value: string; numericValue: number | null }): string {
  return documentReport && v.numericValue !== null ? String(v.numericValue) : v.value;
}

export interface ValueRow { labId: number; labReportId: number; index: number; value: string; numericValue: number | null; deviceId: number | null }

/** A row of report_values as the reads select it. */
interface ReportValueRow { lab_report_id: number; index: number; value: string; numeric_value: number | null }

/** A relational value of a lab report (every applied value, without flags). */
export interface StoredRelationalValue { labReportId: number; index: number; value: string; numericValue: number | null }

/** A row of bills as the reads select it, and what leaves the repository. */
interface BillRow { id: number; doctor_id: number | null; organization_id: number | null; registered_by: string; created_at: Date }
export interface BillView { id: number; doctorId: number | null; organizationId: number | null; registeredBy: string; createdAt: Date }

/** A lab report of a sample, as `ofSample` selects it. */
export interface SampleReportRow { id: number; test_id: number; bill_id: number }

/** Lab reports and their relational values (every applied value, without flags). Every query is scoped by lab. */
export class LabReportRepository {
  constructor(private readonly session: Queryable) {}

  async findByIds(labId: number, ids: number[]): Promise<LabReportView[]> {
    if (ids.length === 0) return [];
    const rows: LabReportRow[] = await this.session.query(`${SELECT} WHERE r.lab_id = $1 AND r.id = ANY($2::int[]) ORDER BY r.id`, [labId, ids]);
    return rows.map(labReportOfRow);
  }

  async findOfPatient(labId: number, patientId: string): Promise<LabReportView[]> {
    const rows: LabReportRow[] = await this.session.query(`${SELECT} WHERE r.lab_id = $1 AND r.patient_id = $2 ORDER BY r.id`, [labId, patientId]);
    return rows.map(labReportOfRow);
  }

  /** The lab reports of one sample of the lab, by id (registration is reporting's). */
  async ofSample(labId: number, sampleId: string): Promise<SampleReportRow[]> {
    const rows: SampleReportRow[] = await this.session.query(
      `SELECT id, test_id, bill_id FROM "${SCHEMA}".lab_reports WHERE lab_id = $1 AND sample_id = $2 ORDER BY id`,
      [labId, sampleId],
    );
    return rows;
  }

  /** seed 001/002: any critical stored value sets criticalValues pending (a done callout is not reopened here). */
  async markCriticalPending(reports: { labId: number; id: number }[]): Promise<void> {
    if (reports.length === 0) return;
    await this.session.query(
      `UPDATE "${SCHEMA}".lab_reports r SET critical_values = 'pending', updated_at = now()
       FROM unnest($1::int[], $2::int[]) AS k(lab_id, id) WHERE r.lab_id = k.lab_id AND r.id = k.id AND r.critical_values = 'none'`,
      [reports.map((r) => r.labId), reports.map((r) => r.id)],
    );
  }

  /** Relational values of any reports, in one statement; of two rows for one report and index the last wins. */
  async upsertValues(given: ValueRow[]): Promise<void> {
    const values = [...new Map(given.map((v) => [`${v.labReportId}:${v.index}`, v])).values()];
    if (values.length === 0) return;
    await this.session.query(
      `INSERT INTO "${SCHEMA}".report_values (lab_id, lab_report_id, index, value, numeric_value, device_id)
       SELECT v.lab_id, v.lab_report_id, v.index, v.value, v.numeric_value, v.device_id
       FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::float8[], $6::int[]) AS v(lab_id, lab_report_id, index, value, numeric_value, device_id)
       ON CONFLICT (lab_report_id, index) DO UPDATE SET value = EXCLUDED.value, numeric_value = EXCLUDED.numeric_value,
         device_id = EXCLUDED.device_id, updated_at = now()`,
      [values.map((v) => v.labId), values.map((v) => v.labReportId), values.map((v) => v.index), values.map((v) => v.value),
        values.map((v) => v.numericValue), values.map((v) => v.deviceId)],
    );
  }

  async values(labId: number, labReportIds: number[]): Promise<StoredRelationalValue[]> {
    if (labReportIds.length === 0) return [];
    const rows: ReportValueRow[] = await this.session.query(
      `SELECT lab_report_id, index, value, numeric_value FROM "${SCHEMA}".report_values WHERE lab_id = $1 AND lab_report_id = ANY($2::int[]) ORDER BY lab_report_id, index`,
      [labId, labReportIds],
    );
    return rows.map((r) => ({ labReportId: r.lab_report_id, index: r.index, value: r.value, numericValue: r.numeric_value }));
  }

  /**
   * Every report's values as text, from the relational values alone (document reports' too, without
   * flags): a document report's value reads as its stored number, a relational one as entered.
   */
  async valuesAsText(labId: number, reports: LabReportView[]): Promise<Map<number, { index: number; value: string }[]>> {
    const out = new Map<number, { index: number; value: string }[]>(reports.map((r) => [r.id, []]));
    const documentReport = new Map(reports.map((r) => [r.id, r.documentReport]));
    for (const v of await this.values(labId, reports.map((r) => r.id))) {
      out.get(v.labReportId)?.push({ index: v.index, value: valueAsText(documentReport.get(v.labReportId) ?? 0, v) });
    }
    return out;
  }

  async bills(labId: number, billIds: number[]): Promise<BillView[]> {
    if (billIds.length === 0) return [];
    const rows: BillRow[] = await this.session.query(
      `SELECT id, doctor_id, organization_id, registered_by, created_at FROM "${SCHEMA}".bills WHERE lab_id = $1 AND id = ANY($2::int[])`,
      [labId, billIds],
    );
    return rows.map((r) => ({ id: r.id, doctorId: r.doctor_id, organizationId: r.organization_id, registeredBy: r.registered_by, createdAt: r.created_at }));
  }
}
