import { Injectable } from '@nestjs/common';
import { AutoRerunCheckInput, LabReportRerunContext, RERUN_COMMANDS, RerunMessageResult, systemPrincipal, TOPICS } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { RerunUnitOfWork } from '../rerun-unit-of-work';
import { qualifiedIndexes } from './auto-rerun-qualification';
import { lifecycleEvent } from './lifecycle-changes';
import { cacheRequested, recordedRequest, RerunRequest, savedRequest } from './recorded-request';
import { isInProgress, RerunLifecycle, reopened } from './rerun-lifecycle';

export const AUTO_QUEUED = 'Auto rerun queued successfully';
export const AUTO_NOT_QUALIFIED = "Auto rerun didn't qualify for these values";
/** Our wording for the spec's early return (`auto_rerun_record_exists()`), which names no message. */
export const AUTO_ALREADY_EXISTS = 'A sample rerun already exists for this lab report';
/** seed 000 §6: an auto rerun is the first rerun of its lifecycle. */
const AUTO_RERUN_NUMBER = 1;

const alreadyExists = (doc: RerunLifecycle | null): boolean => !!doc && !doc.closed && (doc.autoRerunQueued || isInProgress(doc));

/**
 * seed 000 §6 `POST sample-rerun/:id/auto`, also run on every device.data.received (as the lab's
 * system user -1). Values that qualify are decided and recorded in one step, with the report's
 * context it was decided with (one context query): the auto request (seed 000 §3, as the system user)
 * in the lifecycle document, with rerun.requested (an auto rerun qualified), rerun.request_recorded
 * and activity 981 as its events. The spec's internal webhook is replaced by that write.
 */
@Injectable()
@HandlesCommand(RERUN_COMMANDS.autoCheck, AutoRerunCheckInput)
export class AutoRerunCheckUseCase {
  async execute(command: Command<AutoRerunCheckInput>, unit: RerunUnitOfWork): Promise<RerunMessageResult> {
    return this.decide(command, await unit.reporting.contextOf(command.principal, command.input.labReportId, command.cause), unit);
  }

  /** The decision over `report`, the context reporting answered for the command's lab report. */
  async decide(command: Command<AutoRerunCheckInput>, report: LabReportRerunContext, unit: RerunUnitOfWork): Promise<RerunMessageResult> {
    const { labId, input } = command;
    if (!report.parameters.some((p) => p.autoRerunAllowed)) return { message: AUTO_NOT_QUALIFIED };
    if (alreadyExists(await unit.lifecycles.find(labId, input.labReportId))) return { message: AUTO_ALREADY_EXISTS };
    const qualified = qualifiedIndexes(report, input.device_data);
    if (qualified.length === 0) return { message: AUTO_NOT_QUALIFIED };
    const names = report.parameters.filter((p) => qualified.includes(p.index)).map((p) => p.name);
    // seed 000 §6: the auto request is the system user's (-1), whoever asked for the check
    const request: RerunRequest = {
      principal: systemPrincipal(labId), labReportId: input.labReportId, type: 'auto', rerunNumber: AUTO_RERUN_NUMBER, requestedParameters: qualified,
      parameterNames: names, isActive: true, sampleId: report.sampleId,
    };
    const now = new Date();
    const save = () => unit.lifecycles.change(labId, input.labReportId, (current, fresh) => {
      if (alreadyExists(current)) return { next: null, events: [], result: AUTO_ALREADY_EXISTS };
      const recorded = recordedRequest(reopened(current ?? fresh), request, now);
      const qualifiedEvent = lifecycleEvent(TOPICS.rerunRequested, {
        labReportId: input.labReportId, type: 'auto', rerun_number: String(AUTO_RERUN_NUMBER), requested_parameters: JSON.stringify(qualified),
        parameter_names: names, is_active: true, lab_id: labId, sampleId: report.sampleId,
      });
      return { next: recorded.next, events: [qualifiedEvent, ...recorded.events], result: AUTO_QUEUED };
    });
    // a save that fails logs 984 as a request's does; the caller sees the failure itself (an upload's check is retried)
    const outcome = await savedRequest(unit, request, command.cause, save, (error) => error);
    await cacheRequested(unit, labId, input.labReportId, AUTO_RERUN_NUMBER, outcome);
    return { message: outcome.duplicate ? AUTO_QUEUED : outcome.result };
  }
}
