import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

const S = '"device_ingestion"';

export interface SampleReport { labReportId: number; testId: number; billId: number }

/** The read model of samples → lab reports, fed by bill.registered (eventually consistent). */
@Injectable()
export class SampleRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(manager: EntityManager, labId: number, sampleId: string, report: SampleReport): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}.sample_reports (lab_id, sample_id, lab_report_id, test_id, bill_id) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (lab_report_id) DO NOTHING`,
      [labId, sampleId, report.labReportId, report.testId, report.billId],
    );
  }

  async reportsOfSample(labId: number, sampleId: string): Promise<SampleReport[]> {
    const rows: { lab_report_id: number; test_id: number; bill_id: number }[] = await this.dataSource.query(
      `SELECT lab_report_id, test_id, bill_id FROM ${S}.sample_reports WHERE lab_id = $1 AND sample_id = $2 ORDER BY lab_report_id`,
      [labId, sampleId],
    );
    return rows.map((r) => ({ labReportId: r.lab_report_id, testId: r.test_id, billId: r.bill_id }));
  }
}
