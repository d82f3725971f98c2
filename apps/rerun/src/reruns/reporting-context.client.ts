import { Inject, Injectable } from '@nestjs/common';
import { LabReportRerunContext, MAX_RERUN_CONTEXTS, MessageContext, Principal, REPORTING_RERUN_QUERIES } from '@labflow/contracts';
import { CommandBus, replyFailure } from '@labflow/platform/kafka';
import { rerunError } from './rerun.errors';

/**
 * Asks reporting (the owner of lab reports, report formats and patients) for what a rerun decision
 * needs, over Kafka request/reply. Chosen over a local read model: the answer is always current
 * (a report registered a moment ago, a format just edited) and reporting keeps the lab check.
 */
@Injectable()
export class ReportingContextClient {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus) {}

  async contextOf(principal: Principal, labReportId: number, cause: MessageContext): Promise<LabReportRerunContext> {
    const reply = await this.bus.send(REPORTING_RERUN_QUERIES.context, principal, { labReportId }, {
      correlationId: cause.correlationId, causationId: cause.causationId, key: String(labReportId),
    });
    if (reply.ok) return reply.body;
    if (reply.status === 404) throw rerunError('LAB_REPORT_NOT_FOUND');
    // reporting down or slow (503/504): the event waits for it / the caller may retry; never answered from a guess.
    throw replyFailure(reply);
  }

  /**
   * The contexts of several lab reports of the principal's lab (a batch of uploads, each id once), by
   * lab report id, in requests of at most MAX_RERUN_CONTEXTS: a report reporting does not find is absent.
   */
  async contextsOf(principal: Principal, ids: number[], cause: MessageContext): Promise<Map<number, LabReportRerunContext>> {
    const found = new Map<number, LabReportRerunContext>();
    for (let i = 0; i < ids.length; i += MAX_RERUN_CONTEXTS) {
      const reply = await this.bus.send(REPORTING_RERUN_QUERIES.contexts, principal, { labReportIds: ids.slice(i, i + MAX_RERUN_CONTEXTS) }, {
        correlationId: cause.correlationId, causationId: cause.causationId,
      });
      if (!reply.ok) throw replyFailure(reply);
      for (const context of reply.body.contexts) found.set(context.labReportId, context);
    }
    return found;
  }
}
