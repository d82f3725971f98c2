import { Injectable } from '@nestjs/common';
import { RejectReportInput, TOPICS, VERIFICATION_COMMANDS, VerificationActivity, VerificationDecisionView } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { StoredDecision } from '../decisions/decision.repository';
import { VerificationUnitOfWork } from '../verification-unit-of-work';
import { heldReport, settle } from './held-report';
import { RerunClient } from './rerun.client';
import { activityOf } from './verification-activity';

/**
 * A person rejects a held report, optionally requesting a rerun of its held parameters through the
 * rerun lifecycle (rerun's own command, as the reviewer); audited (1105).
 */
@Injectable()
@HandlesCommand(VERIFICATION_COMMANDS.reject, RejectReportInput, { consumer: 'verification.review' })
export class RejectReportUseCase {
  constructor(private readonly reruns: RerunClient) {}

  async execute(command: Command<RejectReportInput>, unit: VerificationUnitOfWork): Promise<VerificationDecisionView> {
    const { labId, principal, input } = command;
    const { decision } = await heldReport(unit, labId, input.labReportId);
    const rerun = input.rerun ? rerunParameters(decision) : [];
    // asked before the report's row is locked: no lock is held while another service answers
    if (rerun.length > 0) await this.reruns.request(principal, input.labReportId, rerun, command);
    return settle(unit, principal, input.labReportId, async (state, held) => {
      const rerunRequested = rerun.map((p) => p.index);
      await unit.decisions.review(labId, held.id, { action: 'rejected', comment: input.comment, by: principal.sub, rerunRequested });
      await unit.publish(TOPICS.activityLogged, activityOf(principal, VerificationActivity.REPORT_REJECTED, 'Held report rejected',
        [rerunRequested.length ? `Rerun requested: ${rerunRequested.join(' ')}` : null, input.comment ? `Comment: ${input.comment}` : null],
        { decisionId: held.id, reasons: held.outcome.reasons, comment: input.comment, rerunRequested }, { labReportId: state.labReportId, billId: state.billId }));
      return { ...state, status: 'rejected', rejected: true };
    });
  }
}

/** The held parameters with a value; a report held by a report-level rule alone reruns every parameter. */
function rerunParameters(d: StoredDecision): { index: number; name: string | null }[] {
  const withValue = d.outcome.parameters.filter((p) => p.value !== null);
  const held = withValue.filter((p) => p.status === 'held');
  return (held.length > 0 ? held : withValue).map((p) => ({ index: p.index, name: p.name }));
}
