import { failureOf, inMemoryVerificationUnit, LAB, reviewerCommand } from '../in-memory-verification.fake';
import { ClearQcHoldUseCase } from './clear-qc-hold.usecase';

describe('ClearQcHoldUseCase', () => {
  it('clears the hold (later results are judged again) and audits it (1103)', async () => {
    const unit = inMemoryVerificationUnit();
    await unit.qcHolds.set(LAB, 3, '2026-05-25T06:00:00.000Z', null, '7');
    expect(await new ClearQcHoldUseCase().execute(reviewerCommand({ deviceId: 3 }), unit)).toMatchObject({ deviceId: 3, held: false });
    expect(await unit.qcHolds.activeFor(LAB, [3], '2026-05-26T00:00:00.000Z')).toEqual([]);
    expect(unit.published).toEqual([{ topic: 'activity.logged', payload: expect.objectContaining({ logCategoryId: 1103, activityText: 'QC hold cleared on device 3 by - Dr. Verify' }) }]);
  });

  it('is 404 when the device has no hold', async () => {
    const unit = inMemoryVerificationUnit();
    expect(await failureOf(new ClearQcHoldUseCase().execute(reviewerCommand({ deviceId: 3 }), unit)))
      .toEqual({ status: 404, code: 'QC_HOLD_NOT_FOUND', message: 'No QC hold on this device' });
    expect(unit.published).toEqual([]);
  });
});
