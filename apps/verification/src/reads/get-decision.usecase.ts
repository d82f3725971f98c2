import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, VerificationDecisionView, VerificationLabReportPath } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { DecisionRepository } from '../decisions/decision.repository';
import { ReportStateRepository } from '../decisions/report-state.repository';
import { decisionView } from './decision.view';

/** GET a lab report's current verification decision (another lab's report is a 404 like an unknown one). */
@Injectable()
export class GetDecisionUseCase {
  constructor(private readonly dataSource: DataSource, private readonly states: ReportStateRepository, private readonly decisions: DecisionRepository) {}

  async execute(request: CommandRequest): Promise<VerificationDecisionView> {
    const { principal, input } = authenticatedInput(VerificationLabReportPath, request);
    const manager = this.dataSource.manager;
    const state = await this.states.find(manager, principal.labId, input.labReportId);
    const decision = state ? await this.decisions.find(manager, principal.labId, state.decisionId) : null;
    if (!state || !decision) throw new DomainException(404, 'DECISION_NOT_FOUND', 'No verification decision for this lab report');
    return decisionView(state, decision);
  }
}
