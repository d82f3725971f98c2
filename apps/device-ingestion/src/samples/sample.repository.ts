import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

const S = '"device_ingestion"';

export interface SampleReport { labReportId: number; testId: number; billId: number }

/** The read model of samples → lab reports, fed by bill.registered (eventually consistent). */
@Injectable()
export class SampleRepository {
  async add(manager: EntityManager, labId: number, sampleId: string, report: SampleReport): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}.sample_reports (lab_id, sample_id, lab_report_id, test_id, bill_id) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (lab_report_id) DO NOTHING`,
      [labId, sampleId, report.labReportId, report.testId, report.billId],
    );
  }
}
