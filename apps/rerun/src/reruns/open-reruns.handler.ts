import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, OpenRerunsQuery, OpenRerunsResult, RERUN_QUERIES } from '@labflow/contracts';
import { authenticatedInput } from '@labflow/platform/service';
import { isInProgress } from './rerun-lifecycle';
import { RerunLifecycleRepository } from './rerun-lifecycle.repository';

/**
 * The open rerun requests of some lab reports (an analyzer's host query asks through device-ingestion):
 * per report in progress, the newest request not yet fulfilled, with what was requested and received.
 */
@Controller()
export class OpenRerunsHandler {
  constructor(private readonly lifecycles: RerunLifecycleRepository) {}

  @MessagePattern(RERUN_QUERIES.open.pattern)
  async open(@Payload() request: CommandRequest): Promise<CommandReply<OpenRerunsResult>> {
    const { principal, input } = authenticatedInput(OpenRerunsQuery, request);
    const reruns: OpenRerunsResult['reruns'] = [];
    for (const labReportId of new Set(input.labReportIds)) {
      const doc = await this.lifecycles.find(principal.labId, labReportId);
      if (!isInProgress(doc)) continue;
      const open = [...doc.requests].reverse().find((r) => r.isActive !== false && !r.fulfilled);
      if (!open) continue;
      reruns.push({ labReportId, rerunNumber: open.rerunNumber, requestedParameters: open.requestedParameters, receivedParameters: open.receivedParameters });
    }
    return { ok: true, status: 200, body: { reruns } };
  }
}
