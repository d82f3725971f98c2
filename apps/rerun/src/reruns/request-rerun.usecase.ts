import { Injectable } from '@nestjs/common';
import {
  MessageContext, Principal, RequestSampleRerunInput, RerunMessageResult, TOPICS,
} from '@labflow/contracts';
import { DomainException, pendingEvent } from '@labflow/platform/kafka';
import { ReportingContextClient } from './reporting-context.client';
import { activityEvent, RerunActivity } from './rerun-activity';
import { RerunCache } from './rerun-cache';
import { RerunFailurePublisher } from './rerun-failure.publisher';
import { isInProgress, reopened } from './rerun-lifecycle';
import { RerunLifecycleRepository } from './rerun-lifecycle.repository';
import { parseRequestedParameters } from './requested-parameters';

export const ALREADY_IN_PROGRESS = 'A sample rerun is already in progress for this lab report; confirm or abort it first';

/**
 * seed 000 §3 `POST sample-rerun/:id/request`, from the UI (Manual) or from rerun.requested (auto,
 * as the system user -1). A second request while a rerun is in progress is refused with 409: the
 * instrument answers one request at a time and a silent replace would orphan the first one's values.
 */
@Injectable()
export class RequestRerunUseCase {
  constructor(
    private readonly lifecycles: RerunLifecycleRepository,
    private readonly reporting: ReportingContextClient,
    private readonly cache: RerunCache,
    private readonly failures: RerunFailurePublisher,
  ) {}

  async execute(principal: Principal, input: RequestSampleRerunInput, messageId: string, ctx: MessageContext): Promise<RerunMessageResult> {
    if (input.lab_id != null && input.lab_id !== principal.labId) {
      throw new DomainException(404, 'LAB_REPORT_NOT_FOUND', 'Lab report not found');
    }
    const requested = parseRequestedParameters(input.requested_parameters);
    const report = await this.reporting.contextOf(principal, input.labReportId, ctx);
    const known = new Set(report.parameters.map((p) => p.index));
    const unknown = requested.find((i) => !known.has(i));
    if (unknown !== undefined) {
      throw new DomainException(400, 'INVALID_REQUESTED_PARAMETERS', `requested_parameters: index ${unknown} is not a parameter of this test`);
    }
    const rerunNumber = Number(input.rerun_number);
    const now = new Date();
    let outcome;
    try {
      outcome = await this.lifecycles.mutate(principal.labId, input.labReportId, messageId, (current, fresh) => {
        if (isInProgress(current)) throw new DomainException(409, 'RERUN_ALREADY_ACTIVE', ALREADY_IN_PROGRESS);
        const base = reopened(current ?? fresh);
        const sequence = base.sequence + 1;
        const events = [
          pendingEvent(TOPICS.rerunRequestRecorded, {
            labId: principal.labId, labReportId: input.labReportId, lifecycleEpoch: base.lifecycleEpoch, sequence,
            type: input.type, rerunNumber, requestedParameters: requested, requestedBy: principal.sub, requestedAt: now.toISOString(),
          }, ctx),
          activityEvent(principal, input.labReportId, RerunActivity.RERUN_REQUESTED, `${input.type} sample rerun ${rerunNumber} requested`, ctx, {
            rerunNumber, requestedParameters: requested, parameterNames: input.parameter_names ?? [],
          }),
        ];
        return {
          next: {
            ...base, sampleId: report.sampleId, sequence, autoRerunQueued: base.autoRerunQueued || input.type === 'auto',
            requests: [{
              rerunNumber, type: input.type, requestedParameters: requested, parameterNames: input.parameter_names ?? [],
              isActive: input.is_active ?? true, receivedParameters: [], fulfilled: false,
              createdBy: principal.sub, updatedBy: principal.sub, createdAt: now, updatedAt: now,
            }],
          },
          events,
          result: null,
        };
      });
    } catch (error) {
      if (error instanceof DomainException) throw error;
      await this.failures.saveFailed(principal, input.labReportId, (error as Error).message, ctx);
      throw new DomainException(500, 'RERUN_SAVE_FAILED', 'Something went wrong when saving sample rerun');
    }
    // A redelivery re-sets the cache only while that rerun is still open (the first try may have failed on Redis).
    if (!outcome.duplicate || isInProgress(await this.lifecycles.find(principal.labId, input.labReportId))) {
      await this.cache.markRequested(principal.labId, input.labReportId, rerunNumber);
    }
    return { message: `${input.type === 'auto' ? 'Auto' : 'Manual'} Sample rerun requested successfully` };
  }
}
