import { Injectable } from '@nestjs/common';
import { REGISTRATION_QUERIES, SampleIdQuery, SampleLabReports } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { reportingError } from '../lab-reports/reporting.errors';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';

/**
 * `reporting.sample.lab-reports`: the lab reports of a sample of the caller's lab, straight from the
 * registrations (reporting is their owner). device-ingestion asks it before refusing an analyzer
 * upload for a sample whose `bill.registered` it has not applied yet; another lab's sample is a 404.
 */
@Injectable()
@HandlesQuery(REGISTRATION_QUERIES.sampleLabReports, SampleIdQuery)
export class GetSampleLabReportsUseCase {
  async execute(command: Command<SampleIdQuery>, unit: ReportingUnitOfWork): Promise<SampleLabReports> {
    const rows = await unit.labReports.ofSample(command.labId, command.input.sampleId);
    if (rows.length === 0) throw reportingError('SAMPLE_NOT_FOUND');
    return { sampleId: command.input.sampleId, labReports: rows.map((r) => ({ labReportId: r.id, testId: r.test_id, billId: r.bill_id })) };
  }
}
