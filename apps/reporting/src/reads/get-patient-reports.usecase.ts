import { Injectable } from '@nestjs/common';
import { CommandRequest, PatientReportsQuery, PatientReportsResult } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { TestRepository } from '../report-formats/test.repository';
import { LabReportRepository } from '../report-values/lab-report.repository';
import { calculationView, reportFormatView } from './report-format.view';
import { ReportValuesReader } from './report-values.reader';

/** seed 002 §4 `GET api-v3/patient/<labReportId>/all-reports`: every report of the report's patient. */
@Injectable()
export class GetPatientReportsUseCase {
  constructor(
    private readonly reports: LabReportRepository,
    private readonly tests: TestRepository,
    private readonly values: ReportValuesReader,
  ) {}

  async execute(request: CommandRequest): Promise<PatientReportsResult> {
    const { principal, input } = authenticatedInput(PatientReportsQuery, request);
    const [anchor] = await this.reports.findByIds(principal.labId, [input.labReportId]);
    if (!anchor) throw new DomainException(404, 'LAB_REPORT_NOT_FOUND', 'Lab report not found');
    const reports = await this.reports.findOfPatient(principal.labId, anchor.patientId);
    const tests = await this.tests.findByIds(principal.labId, [...new Set(reports.map((r) => r.testId))]);
    const valueMap = await this.values.valuesByReport(principal.labId, reports);
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
    };
  }
}
