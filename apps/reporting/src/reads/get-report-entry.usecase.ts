import { Injectable } from '@nestjs/common';
import { REPORT_READ_COMMANDS, ReportEntryQuery, ReportEntryResult } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { reportingError } from '../lab-reports/reporting.errors';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';
import { calculationView, reportFormatView } from './report-format.view';
import { valuesOfReport } from './report-values.view';
import { verificationMapper } from './verification-mapper';

/** seed 002 §3 `GET getReportFormatForTestEntry/`: values with machine flags, format and history. */
@Injectable()
@HandlesQuery(REPORT_READ_COMMANDS.reportEntry, ReportEntryQuery)
export class GetReportEntryUseCase {
  async execute(command: Command<ReportEntryQuery>, unit: ReportingUnitOfWork): Promise<ReportEntryResult> {
    const { labId, input } = command;
    // The report, its test, values and history in one statement; a document report's values are one more read.
    const found = await unit.reportsWithTests.findOne(labId, input.labReportId, { values: true, history: true });
    if (!found) throw reportingError('LAB_REPORT_NOT_FOUND');
    const { report, test } = found;
    // Both are document-store reads and neither needs the other: one round trip of waiting, not two.
    const [value, blocks] = await Promise.all([valuesOfReport(unit, found), verificationMapper(unit, labId, [input.labReportId])]);
    const verification = blocks[String(input.labReportId)];
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
