import { Injectable } from '@nestjs/common';
import { PatientReportsQuery, PatientReportsResult, REPORT_READ_COMMANDS } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { reportingError } from '../lab-reports/reporting.errors';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';
import { calculationView, reportFormatView } from './report-format.view';
import { valuesByReport } from './report-values.view';
import { verificationMapper } from './verification-mapper';

/** seed 002 §4 `GET api-v3/patient/<labReportId>/all-reports`: every report of the report's patient. */
@Injectable()
@HandlesQuery(REPORT_READ_COMMANDS.patientReports, PatientReportsQuery)
export class GetPatientReportsUseCase {
  async execute(command: Command<PatientReportsQuery>, unit: ReportingUnitOfWork): Promise<PatientReportsResult> {
    const { labId, input } = command;
    const [anchor] = await unit.labReports.findByIds(labId, [input.labReportId]);
    if (!anchor) throw reportingError('LAB_REPORT_NOT_FOUND');
    const reports = await unit.labReports.findOfPatient(labId, anchor.patientId);
    const tests = await unit.tests.findByIds(labId, [...new Set(reports.map((r) => r.testId))]);
    const valueMap = await valuesByReport(unit, labId, reports);
    const now = new Date();
    return {
      reports: reports.map((r) => ({
        labReportId: r.id, billId: r.billId, testId: r.testId, testName: r.testName, sampleId: r.sampleId,
        sampleCollected: r.sampleCollected, dismissed: r.dismissed, sampleRedrawFlag: r.sampleRedrawFlag,
        criticalValues: r.criticalValues, department: r.departmentId, isSigned: r.isSigned, document_report: r.documentReport,
        createdAt: r.createdAt.toISOString(),
      })),
      report_result_mapper: Object.fromEntries(reports.map((r) => [String(r.id), valueMap.get(r.id) ?? []])),
      report_format_mapper: Object.fromEntries(tests.map((t) => [String(t.id), reportFormatView(t, anchor, now)])),
      calculations_mapper: Object.fromEntries(tests.map((t) => [String(t.id), calculationView(t)])),
      qc_values: {},
      patient: { patientId: anchor.patientId, name: anchor.patientName, dateOfBirth: anchor.dateOfBirth, gender: anchor.gender },
      verification_mapper: await verificationMapper(unit, labId, reports.map((r) => r.id)),
    };
  }
}
