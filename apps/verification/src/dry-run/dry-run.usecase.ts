import { Injectable } from '@nestjs/common';
import { DryRunInput, DryRunResult, VERIFICATION_COMMANDS } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { verificationError } from '../verification.errors';
import { VerificationUnitOfWork } from '../verification-unit-of-work';
import { dryRunCounts } from './dry-run-counts';

/** Runs a rule set version over the test's reports of the last N days without applying it. */
@Injectable()
@HandlesQuery(VERIFICATION_COMMANDS.dryRun, DryRunInput)
export class DryRunUseCase {
  async execute(command: Command<DryRunInput>, unit: VerificationUnitOfWork): Promise<DryRunResult> {
    const { labId, input } = command;
    const ruleSet = await unit.ruleSets.find(labId, input.testId, input.version);
    if (!ruleSet) throw verificationError('RULE_SET_NOT_FOUND');
    const latest = await unit.decisions.latestPerReport(labId, input.testId, input.days);
    const ids = latest.map((d) => d.labReportId);
    const [rejected, reran] = await Promise.all([unit.states.rejected(labId, ids), unit.reruns.rerunReports(labId, ids)]);
    const changed = new Map(ids.map((id) => [id, [...(rejected.has(id) ? ['rejected' as const] : []), ...(reran.has(id) ? ['rerun' as const] : [])]]));
    const counts = dryRunCounts(latest.map((d) => ({ labReportId: d.labReportId, inputs: d.inputs })), ruleSet, changed);
    return { testId: input.testId, version: ruleSet.version, days: input.days, ...counts };
  }
}
