import { failureOf, inMemoryVerificationUnit, LAB, reviewerCommand } from '../in-memory-verification.fake';
import { decidedReport } from './review-fixtures';
import { ReleaseReportUseCase } from './release-report.usecase';

describe('ReleaseReportUseCase', () => {
  it('releases a held report under its lock, audited (1104), and publishes the review', async () => {
    const unit = inMemoryVerificationUnit();
    const id = await decidedReport(unit, 100);
    const view = await new ReleaseReportUseCase().execute(reviewerCommand({ labReportId: 100, comment: 'RBC confirmed on smear' }), unit);
    expect(view).toMatchObject({ status: 'released', decidedStatus: 'held', review: { action: 'released', comment: 'RBC confirmed on smear', by: '7', rerunRequested: [] } });
    expect(unit.states.locked).toEqual([100]);
    expect((await unit.states.find(LAB, 100))?.status).toBe('released');
    expect(unit.published.map((e) => e.topic)).toEqual(['activity.logged', 'report.verification_reviewed']);
    expect(unit.published[0].payload).toMatchObject({ logCategoryId: 1104, labReportId: 100, activityText: 'Held report released by - Dr. Verify, Comment: RBC confirmed on smear' });
    expect(unit.published[1].payload).toMatchObject({ labReportId: 100, decisionId: id, action: 'released', reviewedBy: '7' });
  });

  it('is 409 for a report that is not held, changing nothing', async () => {
    const unit = inMemoryVerificationUnit();
    await decidedReport(unit, 100, false);
    expect(await failureOf(new ReleaseReportUseCase().execute(reviewerCommand({ labReportId: 100, comment: 'no' }), unit)))
      .toEqual({ status: 409, code: 'REPORT_NOT_HELD', message: 'Only a held report can be reviewed (this one is auto_verified)' });
    expect([(await unit.states.find(LAB, 100))?.status, unit.published]).toEqual(['auto_verified', []]);
  });
});
