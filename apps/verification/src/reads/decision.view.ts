import { VerificationDecisionView } from '@labflow/contracts';
import { StoredDecision } from '../decisions/decision.repository';
import { ReportState } from '../decisions/report-state.repository';

export function decisionView(state: ReportState, d: StoredDecision): VerificationDecisionView {
  return {
    decisionId: d.id, labReportId: d.labReportId, testId: d.testId, status: state.status, decidedStatus: d.outcome.status,
    ruleSetVersion: d.outcome.ruleSetVersion, reasons: d.outcome.reasons, parameters: d.outcome.parameters, report: d.outcome.report,
    decidedAt: d.decidedAt, review: d.review, decisions: state.decisions,
  };
}
