import { Inject, Injectable } from '@nestjs/common';
import {
  CommandRequest, DeviceWorkOrderInput, DeviceWorkOrderResult, LabReportRerunContext, REPORTING_RERUN_QUERIES, RERUN_QUERIES,
  systemPrincipal, WorkOrderParameter, WorkOrderReport, WorkOrderRerun,
} from '@labflow/contracts';
import { CommandBus, DomainException, KafkaMessageContext, replyFailure } from '@labflow/platform/kafka';
import { APP_CONFIG, askOwner, ServiceConfig, validInput } from '@labflow/platform/service';
import { hashDeviceAuth } from '../devices/device-auth';
import { IngestionContextQuery } from '../ingestion/ingestion-context.query';
import { StoredMapping } from '../mappings/mapping-functions';
import { SampleReportsResolver } from '../samples/sample-reports.resolver';

/**
 * An analyzer's host query: what this device should measure on this sample. The sample's reports of
 * the tests the device has mappings for; per report the mapped parameters still without a value, or,
 * with a rerun open, the requested parameters not yet received. Reporting (values, parameter names)
 * and rerun (open requests) are asked, so the answer is current, never a projection's lag.
 */
@Injectable()
export class DeviceWorkOrderUseCase {
  constructor(
    private readonly contexts: IngestionContextQuery,
    private readonly sampleReports: SampleReportsResolver,
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<DeviceWorkOrderResult> {
    const input = validInput(DeviceWorkOrderInput, request?.input);
    const context = await this.contexts.forUpload(hashDeviceAuth(input.deviceAuth), input.labId, input.sampleId);
    if (!context) throw new DomainException(401, 'INVALID_DEVICE_AUTH', 'Invalid device authentication');
    const reports = context.reports.length > 0 ? context.reports : await this.sampleReports.fromOwner(input.labId, input.sampleId, ctx);
    const result: DeviceWorkOrderResult = { sampleId: input.sampleId, device: { id: context.device.id, name: context.device.name }, sampleKnown: reports.length > 0, reports: [] };
    const mapped = reports.flatMap((r) => {
      const mapping = context.mappings.find((m) => m.testId === r.testId);
      return mapping ? [{ report: r, mapping }] : [];
    });
    if (mapped.length === 0) return result;
    const principal = systemPrincipal(input.labId);
    const labReportIds = mapped.map((m) => m.report.labReportId);
    const [formats, reruns] = await Promise.all([this.reportContexts(principal, labReportIds, ctx), this.openReruns(principal, labReportIds, ctx)]);
    for (const { report, mapping } of mapped) {
      const format = formats.get(report.labReportId);
      if (!format) continue; // reporting no longer has it (another lab's id cannot reach here)
      result.reports.push(workOrderOf(report.labReportId, report.testId, mapping, format, reruns.get(report.labReportId) ?? null));
    }
    return result;
  }

  private async reportContexts(principal: ReturnType<typeof systemPrincipal>, labReportIds: number[], ctx: KafkaMessageContext) {
    const reply = await askOwner(this.bus, this.config, REPORTING_RERUN_QUERIES.contexts, principal, { labReportIds }, ctx);
    if (!reply.ok) throw replyFailure(reply);
    return new Map(reply.body.contexts.map((c) => [c.labReportId, c]));
  }

  private async openReruns(principal: ReturnType<typeof systemPrincipal>, labReportIds: number[], ctx: KafkaMessageContext) {
    const reply = await askOwner(this.bus, this.config, RERUN_QUERIES.open, principal, { labReportIds }, ctx);
    if (!reply.ok) throw replyFailure(reply);
    return new Map(reply.body.reruns.map(({ labReportId, ...rerun }) => [labReportId, rerun]));
  }
}

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
