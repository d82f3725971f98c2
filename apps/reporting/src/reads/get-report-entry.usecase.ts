import { Injectable } from '@nestjs/common';
import { CommandRequest, ReportEntryQuery, ReportEntryResult } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { calculationView, reportFormatView } from './report-format.view';
import { ReportValuesReader } from './report-values.reader';
import { ReportWithTestQuery } from './report-with-test.query';

/** seed 002 §3 `GET getReportFormatForTestEntry/`: values with machine flags, format and history. */
@Injectable()
export class GetReportEntryUseCase {
  constructor(private readonly reports: ReportWithTestQuery, private readonly values: ReportValuesReader) {}

  async execute(request: CommandRequest): Promise<ReportEntryResult> {
    const { principal, input } = authenticatedInput(ReportEntryQuery, request);
    // The report, its test, values and history in one statement; a document report's values are one more read.
    const found = await this.reports.findOne(principal.labId, input.labReportId, { values: true, history: true });
    if (!found) throw new DomainException(404, 'LAB_REPORT_NOT_FOUND', 'Lab report not found');
    const { report, test } = found;
    const value = await this.values.valuesOf(found);
    const historicalValuesByIndex: ReportEntryResult['historicalValuesByIndex'] = {};
    for (const { index, ...h } of found.history) (historicalValuesByIndex[String(index)] ??= []).push(h);
    return {
      value,
      reportFormat: reportFormatView(test, report, new Date()),
      calculationList: calculationView(test),
      // No QC module yet: the list is part of the contract and stays empty.
      qcArray: [],
      historicalValuesByIndex,
      labReportSigningMeta: {
        labReportId: report.id, isSigned: report.isSigned, requestedIsSigned: input.isSigned ?? 0,
        signedAt: report.signedAt?.toISOString() ?? null, signedBy: report.signedBy,
        sampleRedrawFlag: report.sampleRedrawFlag, criticalValues: report.criticalValues, document_report: report.documentReport,
      },
    };
  }
}
