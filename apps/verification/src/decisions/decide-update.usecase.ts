import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ReportValuesUpdated, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { QcHoldRepository } from '../qc/qc-hold.repository';
import { RerunRepository } from '../reruns/rerun.repository';
import { decide } from '../rules/decide';
import { DecisionInput, EvaluatedValue } from '../rules/decision';
import { ReportFormatRepository } from '../rule-sets/report-format.repository';
import { RuleSetRepository } from '../rule-sets/rule-set.repository';
import { decisionEvent } from './decision-events';
import { DecisionRepository } from './decision.repository';
import { ReportState, ReportStateRepository } from './report-state.repository';
import { evaluatedValuesOf, mergeValues, valuesChanged } from './report-values.merge';
import { ValueHistoryRepository } from './value-history.repository';

const CONSUMER = 'verification.values-updated';
/** A person or the rules settled these: the same values again decide nothing new. */
const SETTLED = new Set(['auto_verified', 'released', 'rejected']);

/**
 * One decision per applied upload, after reporting applied its values (report.values_updated):
 * the report's values merged with the update, judged by the test's active rule set, stored with the
 * inputs it saw and published (report.autoverified / report.held) in one transaction with the inbox
 * claim, so a redelivery decides nothing twice.
 */
@Injectable()
export class DecideUpdateUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly states: ReportStateRepository,
    private readonly decisions: DecisionRepository,
    private readonly history: ValueHistoryRepository,
    private readonly ruleSets: RuleSetRepository,
    private readonly formats: ReportFormatRepository,
    private readonly reruns: RerunRepository,
    private readonly qcHolds: QcHoldRepository,
    private readonly outbox: PgOutbox,
    private readonly inbox: PgInbox,
  ) {}

  async execute(e: ReportValuesUpdated, ctx: KafkaMessageContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) return;
      // a signed report's values wait in device results, nothing was applied: nothing to decide
      if (!e.applied) return;
      const state = await this.states.lock(manager, e.labId, e.labReportId);
      const values = mergeValues(state?.values ?? [], evaluatedValuesOf(e));
      // report flags come with an analyzer run; a confirmed rerun keeps those of the run it followed
      const fromDevice = e.source === 'device' && e.documentReport === 1;
      const testFlags = fromDevice ? e.testFlags : state?.testFlags ?? [];
      const testFlagsDeviceId = fromDevice ? e.deviceId ?? null : state?.testFlagsDeviceId ?? null;
      await this.history.record(manager, e, evaluatedValuesOf(e));
      // a confirmed rerun always decides again (issue 21); an upload only when it changes what a rule reads
      if (e.source === 'device' && state && SETTLED.has(state.status) && !valuesChanged(state, { values, testFlags })) return;

      const input = await this.inputOf(manager, e, values, testFlags, testFlagsDeviceId);
      const ruleSet = await this.ruleSets.latestActive(manager, e.labId, e.testId);
      const outcome = decide(input, ruleSet);
      const stored = await this.decisions.insert(manager, {
        id: randomUUID(), labId: e.labId, labReportId: e.labReportId, testId: e.testId, updateId: e.updateId, outcome, inputs: input,
      });
      await this.states.save(manager, nextState(state, e, { values, testFlags, testFlagsDeviceId }, outcome.status, stored.id));
      const event = decisionEvent(stored.id, e, outcome, stored.decidedAt);
      if (event.held) await this.outbox.add(manager, TOPICS.reportHeld, event.payload, ctx.causedContext);
      else await this.outbox.add(manager, TOPICS.reportAutoverified, event.payload, ctx.causedContext);
    });
  }

  private async inputOf(manager: EntityManager, e: ReportValuesUpdated, values: EvaluatedValue[], testFlags: string[], testFlagsDeviceId: number | null): Promise<DecisionInput> {
    const observedAt = values.reduce((latest, v) => (v.observedAt > latest ? v.observedAt : latest), e.updatedAt);
    const devices = [...new Set(values.map((v) => v.deviceId).filter((d): d is number => d !== null))];
    const [format, previous, openRerun, qcHolds] = await Promise.all([
      this.formats.parametersOf(manager, e.labId, e.testId),
      this.history.previous(manager, e, values.map((v) => v.index), observedAt),
      // the confirmed rerun this update comes from is closed, whether or not its event reached us yet
      e.source === 'rerun' ? Promise.resolve(null) : this.reruns.openRerun(manager, e.labId, e.labReportId),
      this.qcHolds.activeFor(manager, e.labId, devices, observedAt),
    ]);
    return { labReportId: e.labReportId, testId: e.testId, values, testFlags, testFlagsDeviceId, format, previous, openRerun, qcHolds };
  }
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
