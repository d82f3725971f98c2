import { Injectable } from '@nestjs/common';
import { CommandRequest, ReportEntryQuery, ReportEntryResult } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { TestRepository } from '../report-formats/test.repository';
import { LabReportRepository } from '../report-values/lab-report.repository';
import { calculationView, reportFormatView } from './report-format.view';
import { ReportValuesReader } from './report-values.reader';

/** seed 002 §3 `GET getReportFormatForTestEntry/`: values with machine flags, format and history. */
@Injectable()
export class GetReportEntryUseCase {
  constructor(
    private readonly reports: LabReportRepository,
    private readonly tests: TestRepository,
    private readonly values: ReportValuesReader,
  ) {}

  async execute(request: CommandRequest): Promise<ReportEntryResult> {
    const { principal, input } = authenticatedInput(ReportEntryQuery, request);
    const [report] = await this.reports.findByIds(principal.labId, [input.labReportId]);
    if (!report) throw new DomainException(404, 'LAB_REPORT_NOT_FOUND', 'Lab report not found');
    const [test] = await this.tests.findByIds(principal.labId, [report.testId]);
    const earlier = await this.reports.findEarlier(principal.labId, report.patientId, report.testId, report.id);
    const valueMap = await this.values.valuesByReport(principal.labId, [report, ...earlier]);
    const historicalValuesByIndex: ReportEntryResult['historicalValuesByIndex'] = {};
    for (const e of earlier) {
      for (const v of valueMap.get(e.id) ?? []) {
        (historicalValuesByIndex[String(v.index)] ??= []).push({ labReportId: e.id, value: v.value, date: e.createdAt.toISOString() });
      }
    }
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
