import { Injectable } from '@nestjs/common';
import { ReleaseReportInput, TOPICS, VERIFICATION_COMMANDS, VerificationActivity, VerificationDecisionView } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { VerificationUnitOfWork } from '../verification-unit-of-work';
import { settle } from './held-report';
import { activityOf } from './verification-activity';

/** A person releases a held report: its values go out as they are; audited (1104). Decided again only when its values change. */
@Injectable()
@HandlesCommand(VERIFICATION_COMMANDS.release, ReleaseReportInput, { consumer: 'verification.review' })
export class ReleaseReportUseCase {
  async execute(command: Command<ReleaseReportInput>, unit: VerificationUnitOfWork): Promise<VerificationDecisionView> {
    const { principal, input } = command;
    return settle(unit, principal, input.labReportId, async (state, decision) => {
      await unit.decisions.review(principal.labId, decision.id, { action: 'released', comment: input.comment, by: principal.sub, rerunRequested: [] });
      await unit.publish(TOPICS.activityLogged, activityOf(principal, VerificationActivity.REPORT_RELEASED, 'Held report released',
        [input.comment ? `Comment: ${input.comment}` : null], { decisionId: decision.id, reasons: decision.outcome.reasons, comment: input.comment },
        { labReportId: state.labReportId, billId: state.billId }));
      return { ...state, status: 'released' };
    });
  }
}
