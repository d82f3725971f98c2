import { Injectable } from '@nestjs/common';
import { REPORT_READ_COMMANDS, ReportEntryQuery, ReportEntryResult } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { reportingError } from '../lab-reports/reporting.errors';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';
import { calculationView, reportFormatView } from './report-format.view';
import { valuesOfReport } from './report-values.view';

/** seed 002 §3 `GET getReportFormatForTestEntry/`: values with machine flags, format and history. */
@Injectable()
@HandlesQuery(REPORT_READ_COMMANDS.reportEntry, ReportEntryQuery)
export class GetReportEntryUseCase {
  async execute(command: Command<ReportEntryQuery>, unit: ReportingUnitOfWork): Promise<ReportEntryResult> {
    const { labId, input } = command;
    // The report, its test, values, history and verification status in one statement; a document
    // report's values are one more read.
    const found = await unit.reportsWithTests.findOne(labId, input.labReportId, { values: true, history: true, verification: true });
    if (!found) throw reportingError('LAB_REPORT_NOT_FOUND');
    const { report, test, verification } = found;
    const value = await valuesOfReport(unit, found);
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
      verification,
    };
  }
}
