import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

const S = `"${SCHEMA}"`;

export interface CalloutBill { billId: number; patientName: string; doctorId: number | null; organizationId: number | null }
export interface CalloutBillReport { labReportId: number; testId: number; testName: string }

/** Read model of bills and their lab reports (fed by bill.registered), in one session: tenancy and callout_for testIDs. */
export class CalloutBillRepository {
  constructor(private readonly db: Queryable) {}

  async save(labId: number, bill: CalloutBill, reports: CalloutBillReport[]): Promise<void> {
    await this.db.query(
      `INSERT INTO ${S}.bills (lab_id, bill_id, patient_name, doctor_id, organization_id) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (lab_id, bill_id) DO NOTHING`,
      [labId, bill.billId, bill.patientName, bill.doctorId, bill.organizationId],
    );
    for (const r of reports) {
      await this.db.query(
        `INSERT INTO ${S}.bill_reports (lab_id, lab_report_id, bill_id, test_id, test_name) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (lab_report_id) DO NOTHING`,
        [labId, r.labReportId, bill.billId, r.testId, r.testName],
      );
    }
  }

  async find(labId: number, billId: number): Promise<CalloutBill | null> {
    const rows: { bill_id: number; patient_name: string; doctor_id: number | null; organization_id: number | null }[] = await this.db.query(
      `SELECT bill_id, patient_name, doctor_id, organization_id FROM ${S}.bills WHERE lab_id = $1 AND bill_id = $2`, [labId, billId],
    );
    const r = rows[0];
    return r ? { billId: r.bill_id, patientName: r.patient_name, doctorId: r.doctor_id, organizationId: r.organization_id } : null;
  }

  async reportsOfBill(labId: number, billId: number, labReportIds: number[]): Promise<CalloutBillReport[]> {
    const rows: { lab_report_id: number; test_id: number; test_name: string }[] = await this.db.query(
      `SELECT lab_report_id, test_id, test_name FROM ${S}.bill_reports
       WHERE lab_id = $1 AND bill_id = $2 AND lab_report_id = ANY($3::int[]) ORDER BY lab_report_id`,
      [labId, billId, labReportIds],
    );
    return rows.map((r) => ({ labReportId: r.lab_report_id, testId: r.test_id, testName: r.test_name }));
  }
}
