import { Injectable } from '@nestjs/common';
import { AbortRerunInput, MessageContext, Principal, RerunMessageResult, TOPICS } from '@labflow/contracts';
import { pendingEvent } from '@labflow/platform/kafka';
import { closed, inProgressOrNotFound } from './close-rerun';
import { toRerunValue } from './receive-rerun-values.usecase';
import { activityEvent, RerunActivity } from './rerun-activity';
import { RerunCache } from './rerun-cache';
import { RerunLifecycleRepository } from './rerun-lifecycle.repository';

/** seed 000 §5 `POST sample-rerun/:id/abort`: the same close as confirm, report values untouched. */
@Injectable()
export class AbortRerunUseCase {
  constructor(private readonly lifecycles: RerunLifecycleRepository, private readonly cache: RerunCache) {}

  async execute(principal: Principal, input: AbortRerunInput, messageId: string, ctx: MessageContext): Promise<RerunMessageResult> {
    const outcome = await this.lifecycles.mutate(principal.labId, input.labReportId, messageId, (current) => {
      const doc = inProgressOrNotFound(current);
      const sequence = doc.sequence + 1;
      return {
        next: closed(doc, sequence),
        events: [
          pendingEvent(TOPICS.rerunCancelled, {
            labId: principal.labId, labReportId: input.labReportId, lifecycleEpoch: doc.lifecycleEpoch, sequence,
            rerunValues: doc.values.map(toRerunValue), cancelledBy: principal.sub, cancelledAt: new Date().toISOString(),
          }, ctx),
          activityEvent(principal, input.labReportId, RerunActivity.RERUN_CANCELLED, 'Sample rerun aborted', ctx),
        ],
        result: null,
      };
    });
    if (!outcome.duplicate) await this.cache.clear(principal.labId, input.labReportId);
    return { message: 'Successfully aborted sample rerun' };
  }
}
