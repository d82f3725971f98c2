import { Injectable } from '@nestjs/common';
import { VERIFICATION_COMMANDS, VerificationDecisionView, VerificationLabReportPath } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { verificationError } from '../verification.errors';
import { VerificationUnitOfWork } from '../verification-unit-of-work';
import { decisionView } from './decision.view';

/** GET a lab report's current verification decision (another lab's report is a 404 like an unknown one). */
@Injectable()
@HandlesQuery(VERIFICATION_COMMANDS.decision, VerificationLabReportPath)
export class GetDecisionUseCase {
  async execute(command: Command<VerificationLabReportPath>, unit: VerificationUnitOfWork): Promise<VerificationDecisionView> {
    const state = await unit.states.find(command.labId, command.input.labReportId);
    const decision = state ? await unit.decisions.find(command.labId, state.decisionId) : null;
    if (!state || !decision) throw verificationError('DECISION_NOT_FOUND');
    return decisionView(state, decision);
  }
}
