import { Principal, TOPICS, VerificationDecisionView } from '@labflow/contracts';
import { StoredDecision } from '../decisions/decision.repository';
import { ReportState } from '../decisions/report-state.repository';
import { decisionView } from '../reads/decision.view';
import { verificationError } from '../verification.errors';
import { VerificationUnitOfWork } from '../verification-unit-of-work';

/** A held report and its current decision (404 when none, 409 when it is not held); `lock` serializes it with a decision. */
export async function heldReport(
  unit: VerificationUnitOfWork, labId: number, labReportId: number, lock = false,
): Promise<{ state: ReportState; decision: StoredDecision }> {
  const state = lock ? await unit.states.lock(labId, labReportId) : await unit.states.find(labId, labReportId);
  const decision = state ? await unit.decisions.find(labId, state.decisionId) : null;
  if (!state || !decision) throw verificationError('DECISION_NOT_FOUND');
  if (state.status !== 'held') throw verificationError('REPORT_NOT_HELD', state.status);
  return { state, decision };
}

/**
 * A person's review of the held report, under its lock: `apply` records it and says the report's
 * next state; the state is saved and report.verification_reviewed published with the review.
 */
export async function settle(
  unit: VerificationUnitOfWork, principal: Principal, labReportId: number,
  apply: (state: ReportState, decision: StoredDecision) => Promise<ReportState>,
): Promise<VerificationDecisionView> {
  const { state, decision } = await heldReport(unit, principal.labId, labReportId, true);
  const next = await apply(state, decision);
  await unit.states.save(next);
  const view = decisionView(next, (await unit.decisions.find(principal.labId, decision.id)) ?? decision);
  if (view.review) {
    await unit.publish(TOPICS.reportVerificationReviewed, {
      labId: principal.labId, labReportId, decisionId: decision.id, action: view.review.action, reviewedBy: view.review.by,
      comment: view.review.comment, rerunRequested: view.review.rerunRequested, reviewedAt: view.review.at,
    });
  }
  return view;
}
