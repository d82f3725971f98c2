import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RERUN_COMMANDS, RerunMessageResult, RerunValue, RerunValuesInput, TOPICS } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { RerunUnitOfWork } from '../rerun-unit-of-work';
import { lifecycleEvent } from './lifecycle-changes';
import { isInProgress, RerunLifecycle, RerunValueRecord, reopened } from './rerun-lifecycle';
import { rerunError } from './rerun.errors';

type Trigger = 'instrument triggered' | 'manual triggered';

export function toRerunValue(v: RerunValueRecord): RerunValue {
  return {
    id: v._id, index: v.index, value: v.value, parameterName: v.parameter_name, rerunNumber: v.rerun_number,
    rerunType: v.rerun_type, deviceId: v.device_id, deviceName: v.device_name, createdAt: new Date(v.created_at).toISOString(),
  };
}

/** seed 000 §2 `POST sample-rerun/:id/new`: rerun values from the instrument. */
@Injectable()
@HandlesCommand(RERUN_COMMANDS.receiveValues, RerunValuesInput)
export class ReceiveRerunValuesUseCase {
  async execute(command: Command<RerunValuesInput>, unit: RerunUnitOfWork): Promise<RerunMessageResult> {
    const { labId, principal, input } = command;
    if (input.lab_id !== labId) throw rerunError('LAB_REPORT_NOT_FOUND');
    if (input.lab_report_id != null && input.lab_report_id !== input.labReportId) throw rerunError('LAB_REPORT_MISMATCH', 'lab_report_id');
    if (input.rerun_number === 0) throw rerunError('VALIDATION_FAILED', 'rerun_number must be -1 (instrument triggered) or at least 1');
    const indexes = input.device_data.map((d) => d.index);
    if (new Set(indexes).size !== indexes.length) throw rerunError('VALIDATION_FAILED', 'device_data must not repeat an index');
    const report = await unit.reporting.contextOf(principal, input.labReportId, command.cause);
    if (report.sampleId !== input.sample_id) throw rerunError('SAMPLE_MISMATCH', input.sample_id);
    // seed 000 §2: rerun_number == -1 → instrument triggered; >= 1 → answers that manual request.
    const trigger: Trigger = input.rerun_number === -1 ? 'instrument triggered' : 'manual triggered';
    await unit.lifecycles.change(labId, input.labReportId, (current, fresh) => {
      const base = isInProgress(current) ? current : reopened(current ?? fresh);
      const next = trigger === 'instrument triggered' ? machineTriggered(base, input) : manualTriggered(base, input);
      const request = next.requests.find((r) => r.rerunNumber === next.rerunNumber);
      const sequence = base.sequence + 1;
      const event = lifecycleEvent(TOPICS.rerunValuesReceived, {
        labId, labReportId: input.labReportId, lifecycleEpoch: base.lifecycleEpoch, sequence, trigger,
        rerunNumber: next.rerunNumber, fulfilled: request ? request.fulfilled : true,
        missingParameters: request ? request.requestedParameters.filter((i) => !request.receivedParameters.includes(i)) : [],
        values: next.stored.map(toRerunValue),
      });
      return { next: { ...next.doc, sampleId: report.sampleId, sequence }, events: [event], result: null };
    });
    return { message: 'Rerun data updated', type: trigger };
  }
}

function valueRecords(input: RerunValuesInput, rerunNumber: number, doc: RerunLifecycle, only?: Set<number>): RerunValueRecord[] {
  const now = new Date();
  return input.device_data.filter((d) => !only || only.has(d.index)).map((d) => ({
    _id: randomBytes(12).toString('hex'), lab_id: input.lab_id, sample_id: input.sample_id, value: String(d.value),
    order: doc.values.filter((v) => v.index === d.index && v.rerun_number !== rerunNumber).length + 1,
    index: d.index, rerun_type: input.rerun_type, rerun_number: rerunNumber, parameter_name: d.parameter_name,
    device_id: input.device_id, device_name: input.device_name, created_at: now,
  }));
}

/** seed 000 §2: store all values under the next rerun number from the existing records; fulfilled at once. */
function machineTriggered(doc: RerunLifecycle, input: RerunValuesInput) {
  const numbers = [...doc.values.map((v) => v.rerun_number), ...doc.requests.map((r) => r.rerunNumber)];
  const rerunNumber = (numbers.length > 0 ? Math.max(...numbers) : 0) + 1;
  const stored = valueRecords(input, rerunNumber, doc);
  return { rerunNumber, stored, requests: doc.requests, doc: { ...doc, values: [...doc.values, ...stored] } };
}

/**
 * seed 000 §2: checked against that request's requested_parameters; an index it did not ask for is
 * not stored. Fulfilled only when every requested parameter has arrived. A parameter delivered again
 * for the same rerun replaces its earlier value.
 */
function manualTriggered(doc: RerunLifecycle, input: RerunValuesInput) {
  const rerunNumber = input.rerun_number;
  const request = doc.requests.find((r) => r.rerunNumber === rerunNumber);
  if (!request) throw rerunError('RERUN_NOT_REQUESTED', String(rerunNumber));
  const requested = new Set(request.requestedParameters);
  const stored = valueRecords(input, rerunNumber, doc, requested);
  if (stored.length === 0) throw rerunError('PARAMETERS_NOT_REQUESTED', String(rerunNumber));
  const arrived = new Set(stored.map((v) => v.index));
  const received = [...new Set([...request.receivedParameters, ...arrived])].sort((a, b) => a - b);
  const updated = {
    ...request, receivedParameters: received, fulfilled: request.requestedParameters.every((i) => received.includes(i)), updatedAt: new Date(),
  };
  const requests = doc.requests.map((r) => (r === request ? updated : r));
  const values = [...doc.values.filter((v) => !(v.rerun_number === rerunNumber && arrived.has(v.index))), ...stored];
  return { rerunNumber, stored, requests, doc: { ...doc, requests, values } };
}
