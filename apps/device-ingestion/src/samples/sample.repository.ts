import { Queryable } from '@labflow/platform/kafka';

const S = '"device_ingestion"';

export interface SampleReport { labReportId: number; testId: number; billId: number }

/** The read model of samples → lab reports, fed by bill.registered (eventually consistent). */
export class SampleRepository {
  constructor(private readonly session: Queryable) {}

  /** The sample's reports, in one statement (atomic without a transaction); a report already known is kept. */
  async addAll(labId: number, sampleId: string, reports: readonly SampleReport[]): Promise<void> {
    if (reports.length === 0) return;
    await this.session.query(
      `INSERT INTO ${S}.sample_reports (lab_id, sample_id, lab_report_id, test_id, bill_id)
       SELECT $1, $2, r.lab_report_id, r.test_id, r.bill_id FROM unnest($3::int[], $4::int[], $5::int[]) AS r(lab_report_id, test_id, bill_id)
       ON CONFLICT (lab_report_id) DO NOTHING`,
      [labId, sampleId, reports.map((r) => r.labReportId), reports.map((r) => r.testId), reports.map((r) => r.billId)],
    );
  }
}
