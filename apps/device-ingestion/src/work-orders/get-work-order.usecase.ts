import { Injectable } from '@nestjs/common';
import {
  DeviceWorkOrderInput, DeviceWorkOrderResult, LabReportRerunContext, WORK_ORDER_COMMANDS, WorkOrderParameter, WorkOrderReport, WorkOrderRerun,
} from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { DeviceIngestionUnitOfWork } from '../device-ingestion-unit-of-work';
import { deviceError } from '../device-ingestion.errors';
import { hashDeviceAuth } from '../devices/device-auth';
import { StoredMapping } from '../mappings/mapping-functions';
import { SampleReportsResolver } from '../samples/sample-reports.resolver';
import { WorkOrderSourcesClient } from './work-order-sources.client';

/**
 * An analyzer's host query (`POST /api-v3/devices/work-order`): what this device should measure on
 * this sample. Authenticated like an upload, by the device's token in the input. The sample's reports
 * of the tests the device has mappings for; per report the mapped parameters still without a value,
 * or, with a rerun open, its requested parameters not yet received. A sample not learned here yet is
 * asked of its owner first (as an upload does), so a query right after registration is answered.
 */
@Injectable()
@HandlesQuery(WORK_ORDER_COMMANDS.get, DeviceWorkOrderInput, { labIdOf: (input) => input.labId })
export class GetWorkOrderUseCase {
  constructor(private readonly sampleReports: SampleReportsResolver, private readonly sources: WorkOrderSourcesClient) {}

  async execute(command: Command<DeviceWorkOrderInput>, unit: DeviceIngestionUnitOfWork): Promise<DeviceWorkOrderResult> {
    const { labId, input, cause } = command;
    const context = await unit.contexts.forUpload(hashDeviceAuth(input.deviceAuth), labId, input.sampleId);
    if (!context) throw deviceError('INVALID_DEVICE_AUTH');
    const reports = context.reports.length > 0 ? context.reports : await this.sampleReports.fromOwner(unit.samples, labId, input.sampleId, cause);
    const result: DeviceWorkOrderResult = {
      sampleId: input.sampleId, device: { id: context.device.id, name: context.device.name }, sampleKnown: reports.length > 0, reports: [],
    };
    const mapped = reports.flatMap((report) => {
      const mapping = context.mappings.find((m) => m.testId === report.testId);
      return mapping ? [{ report, mapping }] : [];
    });
    if (mapped.length === 0) return result;
    const labReportIds = mapped.map((m) => m.report.labReportId);
    const [formats, reruns] = await Promise.all([
      this.sources.reportContexts(labId, labReportIds, cause), this.sources.openReruns(labId, labReportIds, cause),
    ]);
    for (const { report, mapping } of mapped) {
      const format = formats.get(report.labReportId);
      if (!format) continue; // reporting no longer has it (another lab's id cannot reach here: every call is scoped by labId)
      result.reports.push(workOrderOf(report.labReportId, report.testId, mapping, format, reruns.get(report.labReportId) ?? null));
    }
    return result;
  }
}

/** One report's order: its mapped parameters named as the format names them, and what is still to measure. */
export function workOrderOf(
  labReportId: number, testId: number, mapping: StoredMapping, format: LabReportRerunContext, rerun: WorkOrderRerun | null,
): WorkOrderReport {
  const names = new Map(format.parameters.map((p) => [p.index, p.name]));
  const mapped: WorkOrderParameter[] = mapping.parameters
    .filter((p) => names.has(p.index))
    .map((p) => ({ index: p.index, testName: p.testName, name: names.get(p.index) ?? '' }));
  const valued = new Set(format.values.filter((v) => v.value !== '' && v.value !== null).map((v) => v.index));
  const parameters = rerun
    ? mapped.filter((p) => rerun.requestedParameters.includes(p.index) && !rerun.receivedParameters.includes(p.index))
    : mapped.filter((p) => !valued.has(p.index));
  return { labReportId, testId, parameters, mapped, rerun };
}
