import { Injectable } from '@nestjs/common';
import { CommandRequest, ReportEntryQuery, ReportEntryResult } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { TestRepository } from '../report-formats/test.repository';
import { LabReportRepository } from '../report-values/lab-report.repository';
import { calculationView, reportFormatView } from './report-format.view';
import { ReportHistoryQuery } from './report-history.query';
import { ReportValuesReader } from './report-values.reader';

/** seed 002 §3 `GET getReportFormatForTestEntry/`: values with machine flags, format and history. */
@Injectable()
export class GetReportEntryUseCase {
  constructor(
    private readonly reports: LabReportRepository,
    private readonly tests: TestRepository,
    private readonly values: ReportValuesReader,
    private readonly history: ReportHistoryQuery,
  ) {}

  async execute(request: CommandRequest): Promise<ReportEntryResult> {
    const { principal, input } = authenticatedInput(ReportEntryQuery, request);
    // The report, its test (found through the report) and its history together; then its own values.
    const [[report], [test], history] = await Promise.all([
      this.reports.findByIds(principal.labId, [input.labReportId]),
      this.tests.findOfReports(principal.labId, [input.labReportId]),
      this.history.of(principal.labId, [input.labReportId]),
    ]);
    if (!report || !test) throw new DomainException(404, 'LAB_REPORT_NOT_FOUND', 'Lab report not found');
    const valueMap = await this.values.valuesByReport(principal.labId, [report]);
    const historicalValuesByIndex: ReportEntryResult['historicalValuesByIndex'] = {};
    for (const { index, ...h } of history.get(report.id) ?? []) (historicalValuesByIndex[String(index)] ??= []).push(h);
    return {
      value: valueMap.get(report.id) ?? [],
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
