import { DomainException } from '@labflow/platform/kafka';
import { failureOf, inMemoryVerificationUnit, LAB, reviewerCommand } from '../in-memory-verification.fake';
import { RerunClient } from './rerun.client';
import { decidedReport } from './review-fixtures';
import { RejectReportUseCase } from './reject-report.usecase';

/** Rerun as asked: records each request, or refuses like rerun does (a rerun already in progress). */
function rerunApp(refuse = false) {
  const requests: { labReportId: number; indexes: number[]; messageId: string }[] = [];
  const client = {
    async request(_p: unknown, labReportId: number, parameters: { index: number }[], asking: { messageId: string }) {
      if (refuse) throw new DomainException(409, 'RERUN_IN_PROGRESS', 'A rerun is already in progress');
      requests.push({ labReportId, indexes: parameters.map((p) => p.index), messageId: asking.messageId });
    },
  };
  return { client: client as unknown as RerunClient, requests };
}

describe('RejectReportUseCase', () => {
  it('rejects a held report and requests a rerun of its held parameters, audited (1105)', async () => {
    const unit = inMemoryVerificationUnit();
    await decidedReport(unit, 100);
    const rerun = rerunApp();
    const view = await new RejectReportUseCase(rerun.client).execute(reviewerCommand({ labReportId: 100, comment: 'Clotted sample', rerun: true }, undefined, 'reject-1'), unit);
    expect(view).toMatchObject({ status: 'rejected', review: { action: 'rejected', comment: 'Clotted sample', rerunRequested: [4] } });
    expect(rerun.requests).toEqual([{ labReportId: 100, indexes: [4], messageId: 'reject-1' }]);
    expect(await unit.states.find(LAB, 100)).toMatchObject({ status: 'rejected', rejected: true });
    expect(unit.published[0].payload).toMatchObject({ logCategoryId: 1105, activityText: 'Held report rejected by - Dr. Verify, Rerun requested: 4, Comment: Clotted sample' });
  });

  it('rejects without a rerun when none is asked', async () => {
    const unit = inMemoryVerificationUnit();
    await decidedReport(unit, 100);
    const rerun = rerunApp();
    expect(await new RejectReportUseCase(rerun.client).execute(reviewerCommand({ labReportId: 100, comment: 'no' }), unit)).toMatchObject({ review: { rerunRequested: [] } });
    expect(rerun.requests).toEqual([]);
  });

  it('relays rerun\'s refusal and rejects nothing; a report that is not held asks rerun nothing', async () => {
    const unit = inMemoryVerificationUnit();
    await decidedReport(unit, 100);
    const refused = await new RejectReportUseCase(rerunApp(true).client).execute(reviewerCommand({ labReportId: 100, comment: 'x', rerun: true }), unit).catch((e: DomainException) => e);
    expect(refused).toMatchObject({ status: 409, code: 'RERUN_IN_PROGRESS' });
    expect([(await unit.states.find(LAB, 100))?.status, unit.published]).toEqual(['held', []]);
    await decidedReport(unit, 101, false);
    const rerun = rerunApp();
    expect(await failureOf(new RejectReportUseCase(rerun.client).execute(reviewerCommand({ labReportId: 101, comment: 'x', rerun: true }), unit)))
      .toMatchObject({ status: 409, code: 'REPORT_NOT_HELD' });
    expect(rerun.requests).toEqual([]);
  });
});
