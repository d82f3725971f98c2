import { failureOf, inMemoryVerificationUnit, REVIEWER, reviewerCommand } from '../in-memory-verification.fake';
import { decidedReport } from '../review/review-fixtures';
import { GetDecisionUseCase } from './get-decision.usecase';

describe('GetDecisionUseCase', () => {
  it('answers the report\'s current decision with every rule that fired', async () => {
    const unit = inMemoryVerificationUnit();
    const id = await decidedReport(unit, 100);
    const view = await new GetDecisionUseCase().execute(reviewerCommand({ labReportId: 100 }), unit);
    expect(view).toMatchObject({ decisionId: id, status: 'held', decidedStatus: 'held', reasons: ['reference_range'], decisions: 1, review: null });
    expect(view.parameters[0].fired.map((f) => f.rule)).toEqual(['reference_range']);
  });

  it('is 404 for a report without a decision and for another lab\'s', async () => {
    const unit = inMemoryVerificationUnit();
    await decidedReport(unit, 100);
    const notFound = { status: 404, code: 'DECISION_NOT_FOUND', message: 'No verification decision for this lab report' };
    expect(await failureOf(new GetDecisionUseCase().execute(reviewerCommand({ labReportId: 101 }), unit))).toEqual(notFound);
    expect(await failureOf(new GetDecisionUseCase().execute(reviewerCommand({ labReportId: 100 }, { ...REVIEWER, labId: REVIEWER.labId + 1 }), unit))).toEqual(notFound);
  });
});
