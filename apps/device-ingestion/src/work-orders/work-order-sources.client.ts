import { Inject, Injectable } from '@nestjs/common';
import { LabReportRerunContext, MessageContext, REPORTING_RERUN_QUERIES, RERUN_QUERIES, systemPrincipal, WorkOrderRerun } from '@labflow/contracts';
import { CommandBus, replyFailure } from '@labflow/platform/kafka';
import { APP_CONFIG, askOwner, ServiceConfig } from '@labflow/platform/service';

/**
 * What a work order needs from the owners of the data, asked while it is answered so it is current
 * (never a projection's lag): reporting's report formats and values, rerun's open requests. An owner
 * not answering throws its retryable 503/504: the analyzer asks again rather than measuring a guess.
 */
@Injectable()
export class WorkOrderSourcesClient {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus, @Inject(APP_CONFIG) private readonly config: ServiceConfig) {}

  /** Each lab report's parameters (names) and current values, by id; a report reporting does not find is absent. */
  async reportContexts(labId: number, labReportIds: number[], cause: MessageContext): Promise<Map<number, LabReportRerunContext>> {
    const reply = await askOwner(this.bus, this.config, REPORTING_RERUN_QUERIES.contexts, systemPrincipal(labId), { labReportIds }, cause);
    if (!reply.ok) throw replyFailure(reply);
    return new Map(reply.body.contexts.map((c) => [c.labReportId, c]));
  }

  /** The open rerun of each lab report that has one, by id. */
  async openReruns(labId: number, labReportIds: number[], cause: MessageContext): Promise<Map<number, WorkOrderRerun>> {
    const reply = await askOwner(this.bus, this.config, RERUN_QUERIES.open, systemPrincipal(labId), { labReportIds }, cause);
    if (!reply.ok) throw replyFailure(reply);
    return new Map(reply.body.reruns.map(({ labReportId, ...rerun }) => [labReportId, rerun]));
  }
}
