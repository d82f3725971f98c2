import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ReportValuesUpdated, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { decide } from '../rules/decide';
import { DecisionInput, EvaluatedValue } from '../rules/decision';
import { VerificationUnitOfWork } from '../verification-unit-of-work';
import { decisionEvent } from './decision-events';
import { ReportState } from './report-state.repository';
import { evaluatedValuesOf, mergeValues, valuesChanged } from './report-values.merge';

/** A person or the rules settled these: the same values again decide nothing new. */
const SETTLED = new Set(['auto_verified', 'released', 'rejected']);

/**
 * One decision per applied upload, after reporting applied its values (report.values_updated):
 * the report's values merged with the update, judged by the test's active rule set, stored with the
 * inputs it saw and published (report.autoverified / report.held) in the unit that claims the
 * event, so a redelivery decides nothing twice.
 */
@Injectable()
@HandlesEvent(TOPICS.reportValuesUpdated, { consumer: 'verification.values-updated', labIdOf: (e) => e.labId })
export class DecideUpdateUseCase {
  async execute(command: Command<ReportValuesUpdated>, unit: VerificationUnitOfWork): Promise<void> {
    const e = command.input;
    // a signed report's values wait in device results, nothing was applied: nothing to decide
    if (!e.applied) return;
    const state = await unit.states.lock(e.labId, e.labReportId);
    const values = mergeValues(state?.values ?? [], evaluatedValuesOf(e));
    // report flags come with an analyzer run; a confirmed rerun keeps those of the run it followed
    const fromDevice = e.source === 'device' && e.documentReport === 1;
    const testFlags = fromDevice ? e.testFlags : state?.testFlags ?? [];
    const testFlagsDeviceId = fromDevice ? e.deviceId ?? null : state?.testFlagsDeviceId ?? null;
    await unit.history.record(e, evaluatedValuesOf(e));
    // a confirmed rerun always decides again (issue 21); an upload only when it changes what a rule reads
    if (e.source === 'device' && state && SETTLED.has(state.status) && !valuesChanged(state, { values, testFlags })) return;

    const input = await inputOf(unit, e, values, testFlags, testFlagsDeviceId);
    const outcome = decide(input, await unit.ruleSets.latestActive(e.labId, e.testId));
    const stored = await unit.decisions.insert({
      id: randomUUID(), labId: e.labId, labReportId: e.labReportId, testId: e.testId, updateId: e.updateId, outcome, inputs: input,
    });
    await unit.states.save(nextState(state, e, { values, testFlags, testFlagsDeviceId }, outcome.status, stored.id));
    const event = decisionEvent(stored.id, e, outcome, stored.decidedAt);
    if (event.held) await unit.publish(TOPICS.reportHeld, event.payload);
    else await unit.publish(TOPICS.reportAutoverified, event.payload);
  }
}

async function inputOf(
  unit: VerificationUnitOfWork, e: ReportValuesUpdated, values: EvaluatedValue[], testFlags: string[], testFlagsDeviceId: number | null,
): Promise<DecisionInput> {
  const observedAt = values.reduce((latest, v) => (v.observedAt > latest ? v.observedAt : latest), e.updatedAt);
  const devices = [...new Set(values.map((v) => v.deviceId).filter((d): d is number => d !== null))];
  const [format, previous, openRerun, qcHolds] = await Promise.all([
    unit.formats.parametersOf(e.labId, e.testId),
    unit.history.previous(e, values.map((v) => v.index), observedAt),
    // the confirmed rerun this update comes from is closed, whether or not its event reached us yet
    e.source === 'rerun' ? Promise.resolve(null) : unit.reruns.openRerun(e.labId, e.labReportId),
    unit.qcHolds.activeFor(e.labId, devices, observedAt),
  ]);
  return { labReportId: e.labReportId, testId: e.testId, values, testFlags, testFlagsDeviceId, format, previous, openRerun, qcHolds };
}

function nextState(
  state: ReportState | null, e: ReportValuesUpdated, current: Pick<ReportState, 'values' | 'testFlags' | 'testFlagsDeviceId'>,
  status: 'auto_verified' | 'held', decisionId: string,
): ReportState {
  return {
    labId: e.labId, labReportId: e.labReportId, billId: e.billId, patientId: e.patientId, testId: e.testId, ...current, status, decisionId,
    decisions: (state?.decisions ?? 0) + 1, rejected: state?.rejected ?? false,
  };
}
