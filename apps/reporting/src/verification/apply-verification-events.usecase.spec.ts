import { ReportAutoverified, ReportHeld, ReportVerificationReviewed } from '@labflow/contracts';
import { InMemoryUnitsOfWork } from '@labflow/platform/handling';
import { throughSeam } from '../in-memory-fixtures.fake';
import { eventCommand, inMemoryReporting, inMemoryReportingUnit, LAB } from '../in-memory-reporting.fake';
import { ApplyReportAutoverifiedUseCase, ApplyReportHeldUseCase, ApplyVerificationReviewedUseCase } from './apply-verification-events.usecase';

const DECISION = '11111111-1111-4111-8111-111111111111';
const LATER_DECISION = '22222222-2222-4222-8222-222222222222';

const decided = (over: Partial<ReportAutoverified> = {}): ReportAutoverified => ({
  decisionId: DECISION, labId: LAB, labReportId: 101, billId: 12, patientId: '33333333-3333-4333-8333-333333333333', testId: 5,
  updateId: '44444444-4444-4444-8444-444444444444', ruleSetVersion: 3, decidedAt: '2026-05-25T08:00:00.000Z',
  parameters: [
    { index: 4, status: 'auto_verified', fired: [] },
    { index: 5, status: 'held', fired: [{ rule: 'delta', inputs: {} }] },
  ],
  ...over,
});
const held = (over: Partial<ReportHeld> = {}): ReportHeld => ({ ...decided(), reasons: ['delta check'], report: [], ...over });
const reviewed = (over: Partial<ReportVerificationReviewed> = {}): ReportVerificationReviewed => ({
  labId: LAB, labReportId: 101, decisionId: DECISION, action: 'released', reviewedBy: 'Dr. Rao', comment: 'checked',
  rerunRequested: [], reviewedAt: '2026-05-25T09:00:00.000Z', ...over,
});

describe('the verification event use cases (each report\'s autoverification status, newest kept)', () => {
  const autoverified = new ApplyReportAutoverifiedUseCase();
  const heldUseCase = new ApplyReportHeldUseCase();
  const review = new ApplyVerificationReviewedUseCase();
  const blockOf = async (unit: ReturnType<typeof inMemoryReportingUnit>, id = 101) => (await unit.verifications.blocks(LAB, [id])).get(id);

  it('report.autoverified keeps an auto_verified decision without reasons, naming the held parameters', async () => {
    const unit = inMemoryReportingUnit();
    await autoverified.execute(eventCommand(decided()), unit);
    expect(await blockOf(unit)).toEqual({
      status: 'auto_verified', decidedStatus: 'auto_verified', reasons: [], ruleSetVersion: 3, decisionId: DECISION,
      decidedAt: '2026-05-25T08:00:00.000Z', heldParameters: [5], review: null,
    });
    expect(unit.published).toEqual([]);
  });

  it('report.held keeps a held decision with its reasons; a decision without a rule-set version keeps null', async () => {
    const unit = inMemoryReportingUnit();
    await heldUseCase.execute(eventCommand(held({ ruleSetVersion: undefined })), unit);
    expect(await blockOf(unit)).toMatchObject({ status: 'held', decidedStatus: 'held', reasons: ['delta check'], ruleSetVersion: null, heldParameters: [5] });
    expect(unit.published).toEqual([]);
  });

  it('a review of the decision sets its status; a later decision (new values) stands on its own', async () => {
    const unit = inMemoryReportingUnit();
    await heldUseCase.execute(eventCommand(held()), unit);
    await review.execute(eventCommand(reviewed()), unit);
    expect(await blockOf(unit)).toMatchObject({
      status: 'released', decidedStatus: 'held', review: { action: 'released', by: 'Dr. Rao', comment: 'checked', at: '2026-05-25T09:00:00.000Z' },
    });
    await autoverified.execute(eventCommand(decided({ decisionId: LATER_DECISION, decidedAt: '2026-05-25T10:00:00.000Z' })), unit);
    expect(await blockOf(unit)).toMatchObject({ status: 'auto_verified', decisionId: LATER_DECISION, review: null });
  });

  it('a late decision (older decidedAt) and another lab\'s report change nothing', async () => {
    const unit = inMemoryReportingUnit();
    await heldUseCase.execute(eventCommand(held({ decidedAt: '2026-05-25T10:00:00.000Z' })), unit);
    await autoverified.execute(eventCommand(decided({ decisionId: LATER_DECISION })), unit);
    expect(await blockOf(unit)).toMatchObject({ status: 'held', decisionId: DECISION });
    await autoverified.execute(eventCommand(decided({ labId: LAB + 1, labReportId: 102 })), unit);
    expect(await blockOf(unit, 102)).toBeUndefined();
  });

  it('through the seam: the three topics share one inbox consumer; a redelivery has no effect; a failing store claims nothing', async () => {
    const repositories = inMemoryReporting();
    const units = new InMemoryUnitsOfWork(repositories);
    const saveDecision = repositories.verifications.saveDecision.bind(repositories.verifications);
    repositories.verifications.saveDecision = async () => { throw new Error('store down'); };
    await expect(throughSeam(heldUseCase, held(), repositories, 'e-1', units)).rejects.toThrow('store down');
    expect(units.inbox.size).toBe(0);
    repositories.verifications.saveDecision = saveDecision;
    await throughSeam(heldUseCase, held(), repositories, 'e-1', units);
    await throughSeam(review, reviewed(), repositories, 'e-2', units);
    repositories.verifications.docs.clear();
    await throughSeam(heldUseCase, held(), repositories, 'e-1', units);
    await throughSeam(review, reviewed(), repositories, 'e-2', units);
    expect(repositories.verifications.docs.size).toBe(0);
    expect([...units.inbox.keys()]).toEqual(['reporting.verification\u0000e-1', 'reporting.verification\u0000e-2']);
  });
});
