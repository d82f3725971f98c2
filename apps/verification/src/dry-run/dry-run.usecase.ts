import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, DryRunInput, DryRunResult } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { DecisionRepository } from '../decisions/decision.repository';
import { ReportStateRepository } from '../decisions/report-state.repository';
import { RerunRepository } from '../reruns/rerun.repository';
import { RuleSetRepository } from '../rule-sets/rule-set.repository';
import { dryRunCounts } from './dry-run-counts';

/** Runs a rule set version over the test's reports of the last N days without applying it. */
@Injectable()
export class DryRunUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetRepository,
    private readonly decisions: DecisionRepository,
    private readonly states: ReportStateRepository,
    private readonly reruns: RerunRepository,
  ) {}

  async execute(request: CommandRequest): Promise<DryRunResult> {
    const { principal, input } = authenticatedInput(DryRunInput, request);
    const manager = this.dataSource.manager;
    const ruleSet = await this.ruleSets.find(manager, principal.labId, input.testId, input.version);
    if (!ruleSet) throw new DomainException(404, 'RULE_SET_NOT_FOUND', 'Rule set not found');
    const latest = await this.decisions.latestPerReport(manager, principal.labId, input.testId, input.days);
    const ids = latest.map((d) => d.labReportId);
    const [rejected, reran] = await Promise.all([this.states.rejected(manager, principal.labId, ids), this.reruns.rerunReports(manager, principal.labId, ids)]);
    const changed = new Map(ids.map((id) => [id, [...(rejected.has(id) ? ['rejected' as const] : []), ...(reran.has(id) ? ['rerun' as const] : [])]]));
    const counts = dryRunCounts(latest.map((d) => ({ labReportId: d.labReportId, inputs: d.inputs })), ruleSet, changed);
    return { testId: input.testId, version: ruleSet.version, days: input.days, ...counts };
  }
}
