import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, SampleIdQuery, SampleLabReports } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { SCHEMA } from '../migrations';

/**
 * `reporting.sample.lab-reports`: the lab reports of a sample of the caller's lab, straight from the
 * registrations (reporting is their owner). device-ingestion asks it before refusing an analyzer
 * upload for a sample whose `bill.registered` it has not applied yet; another lab's sample is a 404.
 */
@Injectable()
export class SampleLabReportsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(request: CommandRequest): Promise<SampleLabReports> {
    const { principal, input } = authenticatedInput(SampleIdQuery, request);
    const rows: { id: number; test_id: number; bill_id: number }[] = await this.dataSource.query(
      `SELECT id, test_id, bill_id FROM "${SCHEMA}".lab_reports WHERE lab_id = $1 AND sample_id = $2 ORDER BY id`,
      [principal.labId, input.sampleId],
    );
    if (rows.length === 0) throw new DomainException(404, 'SAMPLE_NOT_FOUND', 'Sample not found');
    return { sampleId: input.sampleId, labReports: rows.map((r) => ({ labReportId: r.id, testId: r.test_id, billId: r.bill_id })) };
  }
}
