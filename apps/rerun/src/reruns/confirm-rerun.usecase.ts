import { Injectable } from '@nestjs/common';
import {
  ConfirmRerunInput, LabReportRerunContext, MessageContext, Principal, RerunConfirmedValue, RerunMessageResult, TOPICS,
} from '@labflow/contracts';
import { DomainException, pendingEvent } from '@labflow/platform/kafka';
import { closed, inProgressOrNotFound } from './close-rerun';
import { toRerunValue } from './receive-rerun-values.usecase';
import { ReportingContextClient } from './reporting-context.client';
import { activityEvent, RerunActivity } from './rerun-activity';
import { RerunCache } from './rerun-cache';
import { RerunValueRecord } from './rerun-lifecycle';
import { RerunLifecycleRepository } from './rerun-lifecycle.repository';

/**
 * seed 000 §4 `POST sample-rerun/:id/confirm`: the chosen values replace the report's values at their
 * indexes (reporting, on rerun.confirmed), then the lifecycle closes. Beyond the spec, rerun.confirmed
 * carries the original values, every rerun value and the choice made, so nothing is forgotten.
 */
@Injectable()
export class ConfirmRerunUseCase {
  constructor(
    private readonly lifecycles: RerunLifecycleRepository,
    private readonly reporting: ReportingContextClient,
    private readonly cache: RerunCache,
  ) {}

  async execute(principal: Principal, input: ConfirmRerunInput, messageId: string, ctx: MessageContext): Promise<RerunMessageResult> {
    const data = input.rerun_confirmed_data;
    if (data.some((d) => d.reportForId_id != null && d.reportForId_id !== input.labReportId)) {
      throw new DomainException(400, 'LAB_REPORT_MISMATCH', 'rerun_confirmed_data: reportForId_id must equal the lab report id of the path');
    }
    if (new Set(data.map((d) => d.index)).size !== data.length) {
      throw new DomainException(400, 'VALIDATION_FAILED', 'rerun_confirmed_data must not repeat an index');
    }
    const report = await this.reporting.contextOf(principal, input.labReportId, ctx);
    const known = new Set(report.parameters.map((p) => p.index));
    const unknown = data.find((d) => !known.has(d.index));
    if (unknown) throw new DomainException(400, 'VALIDATION_FAILED', `rerun_confirmed_data: index ${unknown.index} is not a parameter of this test`);
    const now = new Date().toISOString();
    const outcome = await this.lifecycles.mutate(principal.labId, input.labReportId, messageId, (current) => {
      const doc = inProgressOrNotFound(current);
      const sequence = doc.sequence + 1;
      const confirmed = data.map((d) => withChoice(d, report, doc.values));
      return {
        next: closed(doc, sequence),
        events: [
          pendingEvent(TOPICS.rerunConfirmed, {
            labId: principal.labId, labReportId: input.labReportId, lifecycleEpoch: doc.lifecycleEpoch, sequence, confirmed,
            originalValues: report.values, rerunValues: doc.values.map(toRerunValue), confirmedBy: principal.sub, confirmedAt: now,
          }, ctx),
          activityEvent(principal, input.labReportId, RerunActivity.RERUN_VALUES_CONFIRMED, 'Sample rerun values confirmed', ctx, {
            confirmed: confirmed.map((c) => ({ index: c.index, value: c.value, choice: c.choice, rerunNumber: c.chosenRerunNumber })),
          }),
        ],
        result: null,
      };
    });
    if (!outcome.duplicate) await this.cache.clear(principal.labId, input.labReportId);
    return { message: 'Rerun data updated' };
  }
}

/** Names where the chosen value came from: the original, a rerun (the latest with that value), or neither. */
function withChoice(d: ConfirmRerunInput['rerun_confirmed_data'][number], report: LabReportRerunContext, values: RerunValueRecord[]): RerunConfirmedValue {
  const value = String(d.value);
  const original = report.values.find((v) => v.index === d.index);
  const rerun = values.filter((v) => v.index === d.index && v.value === value).sort((a, b) => b.rerun_number - a.rerun_number)[0];
  const choice = rerun && original?.value !== value ? 'rerun' : original?.value === value ? 'original' : 'entered';
  return {
    index: d.index, value, parameterName: d.parameter_name, profileTestId: d.profileTestId, order: d.order,
    highlight: d.highlight, automatedValue: d.automatedValue, choice, chosenRerunNumber: choice === 'rerun' ? rerun.rerun_number : undefined,
  };
}
