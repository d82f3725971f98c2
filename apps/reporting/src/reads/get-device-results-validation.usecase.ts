import { Injectable } from '@nestjs/common';
import { DeviceResultsValidationQuery, DeviceResultsValidationResult, REPORT_READ_COMMANDS } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { LabReportView } from '../lab-reports/lab-report.repository';
import { reportingError } from '../lab-reports/reporting.errors';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';
import { verificationMapper } from './verification-mapper';

const MAX_WINDOW_MS = 31 * 86_400_000;

/** seed 002 §5 `GET api-v3/interfacing/device-results-validation/<deviceId>`: interfaced results with flags. */
@Injectable()
@HandlesQuery(REPORT_READ_COMMANDS.deviceResultsValidation, DeviceResultsValidationQuery)
export class GetDeviceResultsValidationUseCase {
  async execute(command: Command<DeviceResultsValidationQuery>, unit: ReportingUnitOfWork): Promise<DeviceResultsValidationResult> {
    const { labId, input } = command;
    const from = new Date(input.startDate);
    const to = new Date(input.endDate);
    if (from.getTime() > to.getTime()) throw reportingError('VALIDATION_FAILED', 'startDate must not be after endDate');
    if (to.getTime() - from.getTime() > MAX_WINDOW_MS) throw reportingError('VALIDATION_FAILED', 'The date range must not exceed 31 days');
    const device = await unit.devices.find(labId, input.deviceId);
    if (!device) throw reportingError('DEVICE_NOT_FOUND');

    const results = await unit.documents.deviceResults(labId, device.id, from, to);
    const reports = await unit.labReports.findByIds(labId, [...new Set(results.map((r) => r.labReportId))]);
    const reportById = new Map(reports.map((r) => [r.id, r]));
    const [testRows, history, billDetails] = await Promise.all([
      unit.tests.findByIds(labId, [...new Set(reports.map((r) => r.testId))]),
      unit.histories.of(labId, reports.map((r) => r.id)),
      billDetailsOf(unit, labId, reports),
    ]);
    const tests = new Map(testRows.map((t) => [t.id, t]));
    return {
      results: results.map((r) => {
        const report = reportById.get(r.labReportId);
        const parameter = report ? tests.get(report.testId)?.reportData.find((p) => p.index === r.index) : undefined;
        return {
          id: r._id, resultId: r.resultId, sampleId: r.sampleId, testName: r.testName, parameter_index: r.index, labReportId: r.labReportId,
          status: r.status, receivedAt: r.receivedAt.toISOString(), param_flag_interpretations: r.param_flag_interpretations,
          // seed 002 §5 "Machine Flag Formatting"
          value: [{ value: r.value, test_flags: r.test_flags ?? [], param_flags: r.param_flags ?? [] }],
          related_reports: report ? [{
            labReportId: report.id, report_name: report.testName, parameter_index: r.index, parameter_name: parameter?.name ?? null,
            linearity_ranges: { lower: parameter?.linearity_lower ?? null, upper: parameter?.linearity_upper ?? null },
            parameter_historical_values: (history.get(report.id) ?? []).filter((h) => h.index === r.index).map(({ index: _i, ...h }) => h),
          }] : [],
        };
      }),
      device_id: device.id,
      device_name: device.name,
      bill_and_user_details_by_sample: billDetails,
      verification_mapper: await verificationMapper(unit, labId, results.map((r) => r.labReportId)),
    };
  }
}

async function billDetailsOf(unit: ReportingUnitOfWork, labId: number, reports: LabReportView[]): Promise<Record<string, unknown>> {
  const bills = new Map((await unit.labReports.bills(labId, [...new Set(reports.map((r) => r.billId))])).map((b) => [b.id, b]));
  const out: Record<string, unknown> = {};
  for (const r of reports) {
    const bill = bills.get(r.billId);
    out[r.sampleId] = {
      billId: r.billId, doctorId: bill?.doctorId ?? null, organizationId: bill?.organizationId ?? null,
      registeredBy: bill?.registeredBy ?? null, billDate: bill?.createdAt.toISOString() ?? null,
      patient: { patientId: r.patientId, name: r.patientName, dateOfBirth: r.dateOfBirth, gender: r.gender },
    };
  }
  return out;
}
