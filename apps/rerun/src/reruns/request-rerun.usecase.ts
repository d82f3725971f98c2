import { Injectable } from '@nestjs/common';
import { RequestSampleRerunInput, RERUN_COMMANDS, RerunMessageResult } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { RerunUnitOfWork } from '../rerun-unit-of-work';
import { cacheRequested, recordedRequest, RerunRequest, savedRequest } from './recorded-request';
import { isInProgress, reopened } from './rerun-lifecycle';
import { rerunError } from './rerun.errors';
import { parseRequestedParameters } from './requested-parameters';

/**
 * seed 000 §3 `POST sample-rerun/:id/request` (Manual or auto, from the UI). A second request while a
 * rerun is in progress is refused with 409: the instrument answers one request at a time and a silent
 * replace would orphan the first one's values. (An upload's auto rerun is recorded by the auto check.)
 */
@Injectable()
@HandlesCommand(RERUN_COMMANDS.request, RequestSampleRerunInput)
export class RequestRerunUseCase {
  async execute(command: Command<RequestSampleRerunInput>, unit: RerunUnitOfWork): Promise<RerunMessageResult> {
    const { labId, principal, input } = command;
    if (input.lab_id != null && input.lab_id !== labId) throw rerunError('LAB_REPORT_NOT_FOUND');
    const requested = parseRequestedParameters(input.requested_parameters);
    const report = await unit.reporting.contextOf(principal, input.labReportId, command.cause);
    const known = new Set(report.parameters.map((p) => p.index));
    const unknown = requested.find((i) => !known.has(i));
    if (unknown !== undefined) {
      throw rerunError('INVALID_REQUESTED_PARAMETERS', `requested_parameters: index ${unknown} is not a parameter of this test`);
    }
    const request: RerunRequest = {
      principal, labReportId: input.labReportId, type: input.type, rerunNumber: Number(input.rerun_number), requestedParameters: requested,
      parameterNames: input.parameter_names ?? [], isActive: input.is_active ?? true, sampleId: report.sampleId,
    };
    const now = new Date();
    const save = () => unit.lifecycles.change(labId, input.labReportId, (current, fresh) => {
      if (isInProgress(current)) throw rerunError('RERUN_ALREADY_ACTIVE');
      return { ...recordedRequest(reopened(current ?? fresh), request, now), result: null };
    });
    const outcome = await savedRequest(unit, request, command.cause, save, () => rerunError('RERUN_SAVE_FAILED'));
    await cacheRequested(unit, labId, input.labReportId, request.rerunNumber, outcome);
    return { message: `${input.type === 'auto' ? 'Auto' : 'Manual'} Sample rerun requested successfully` };
  }
}
