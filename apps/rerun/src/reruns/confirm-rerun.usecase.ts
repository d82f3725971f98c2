import { Injectable } from '@nestjs/common';
import { ConfirmRerunInput, LabReportRerunContext, RERUN_COMMANDS, RerunConfirmedValue, RerunMessageResult, TOPICS } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { RerunUnitOfWork } from '../rerun-unit-of-work';
import { closed, inProgressOrNotFound } from './close-rerun';
import { lifecycleEvent } from './lifecycle-changes';
import { toRerunValue } from './receive-rerun-values.usecase';
import { activityOf, RerunActivity } from './rerun-activity';
import { RerunValueRecord } from './rerun-lifecycle';
import { rerunError } from './rerun.errors';

/**
 * seed 000 §4 `POST sample-rerun/:id/confirm`: the chosen values replace the report's values at their
 * indexes (reporting, on rerun.confirmed), then the lifecycle closes. Beyond the spec, rerun.confirmed
 * carries the original values, every rerun value and the choice made, so nothing is forgotten.
 */
@Injectable()
@HandlesCommand(RERUN_COMMANDS.confirm, ConfirmRerunInput)
export class ConfirmRerunUseCase {
  async execute(command: Command<ConfirmRerunInput>, unit: RerunUnitOfWork): Promise<RerunMessageResult> {
    const { labId, principal, input } = command;
    const data = input.rerun_confirmed_data;
    if (data.some((d) => d.reportForId_id != null && d.reportForId_id !== input.labReportId)) {
      throw rerunError('LAB_REPORT_MISMATCH', 'rerun_confirmed_data: reportForId_id');
    }
    if (new Set(data.map((d) => d.index)).size !== data.length) throw rerunError('VALIDATION_FAILED', 'rerun_confirmed_data must not repeat an index');
    const report = await unit.reporting.contextOf(principal, input.labReportId, command.cause);
    const known = new Set(report.parameters.map((p) => p.index));
    const unknown = data.find((d) => !known.has(d.index));
    if (unknown) throw rerunError('VALIDATION_FAILED', `rerun_confirmed_data: index ${unknown.index} is not a parameter of this test`);
    const now = new Date().toISOString();
    const outcome = await unit.lifecycles.change(labId, input.labReportId, (current) => {
      const doc = inProgressOrNotFound(current);
      const sequence = doc.sequence + 1;
      const confirmed = data.map((d) => withChoice(d, report, doc.values));
      return {
        next: closed(doc, sequence),
        events: [
          lifecycleEvent(TOPICS.rerunConfirmed, {
            labId, labReportId: input.labReportId, lifecycleEpoch: doc.lifecycleEpoch, sequence, confirmed,
            originalValues: report.values, rerunValues: doc.values.map(toRerunValue), confirmedBy: principal.sub, confirmedAt: now,
          }),
          activityOf(principal, input.labReportId, RerunActivity.RERUN_VALUES_CONFIRMED, 'Sample rerun values confirmed', {
            confirmed: confirmed.map((c) => ({ index: c.index, value: c.value, choice: c.choice, rerunNumber: c.chosenRerunNumber })),
          }),
        ],
        result: null,
      };
    });
    if (!outcome.duplicate) await unit.cache.clear(labId, input.labReportId);
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
