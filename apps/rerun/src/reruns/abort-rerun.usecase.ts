import { Injectable } from '@nestjs/common';
import { AbortRerunInput, RERUN_COMMANDS, RerunMessageResult, TOPICS } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { RerunUnitOfWork } from '../rerun-unit-of-work';
import { closed, inProgressOrNotFound } from './close-rerun';
import { lifecycleEvent } from './lifecycle-changes';
import { toRerunValue } from './receive-rerun-values.usecase';
import { activityOf, RerunActivity } from './rerun-activity';

/** seed 000 §5 `POST sample-rerun/:id/abort`: the same close as confirm, report values untouched. */
@Injectable()
@HandlesCommand(RERUN_COMMANDS.abort, AbortRerunInput)
export class AbortRerunUseCase {
  async execute(command: Command<AbortRerunInput>, unit: RerunUnitOfWork): Promise<RerunMessageResult> {
    const { labId, principal, input } = command;
    const outcome = await unit.lifecycles.change(labId, input.labReportId, (current) => {
      const doc = inProgressOrNotFound(current);
      const sequence = doc.sequence + 1;
      return {
        next: closed(doc, sequence),
        events: [
          lifecycleEvent(TOPICS.rerunCancelled, {
            labId, labReportId: input.labReportId, lifecycleEpoch: doc.lifecycleEpoch, sequence,
            rerunValues: doc.values.map(toRerunValue), cancelledBy: principal.sub, cancelledAt: new Date().toISOString(),
          }),
          activityOf(principal, input.labReportId, RerunActivity.RERUN_CANCELLED, 'Sample rerun aborted'),
        ],
        result: null,
      };
    });
    if (!outcome.duplicate) await unit.cache.clear(labId, input.labReportId);
    return { message: 'Successfully aborted sample rerun' };
  }
}
