import { failureOf, inMemoryVerificationUnit, LAB, reviewerCommand } from '../in-memory-verification.fake';
import { SetQcHoldUseCase } from './set-qc-hold.usecase';

describe('SetQcHoldUseCase', () => {
  it('holds a device of the lab from `since` and audits it (1102)', async () => {
    const unit = inMemoryVerificationUnit();
    await unit.devices.save(LAB, 3, 'Sysmex XN-550');
    const view = await new SetQcHoldUseCase().execute(reviewerCommand({ deviceId: 3, since: '2026-05-25T06:00:00.000Z', reason: 'Level 2 out' }), unit);
    expect(view).toEqual({ deviceId: 3, held: true, since: '2026-05-25T06:00:00.000Z', reason: 'Level 2 out', setBy: '7', clearedAt: null });
    expect(await unit.qcHolds.activeFor(LAB, [3], '2026-05-25T07:00:00.000Z')).toEqual([{ deviceId: 3, since: '2026-05-25T06:00:00.000Z', reason: 'Level 2 out' }]);
    expect(unit.published).toEqual([{ topic: 'activity.logged', payload: expect.objectContaining({
      logCategoryId: 1102, activityText: 'QC hold set on device 3 by - Dr. Verify, Since: 2026-05-25T06:00:00.000Z, Reason: Level 2 out',
    }) }]);
  });

  it('is 404 for a device the lab does not have, holding nothing', async () => {
    const unit = inMemoryVerificationUnit();
    await unit.devices.save(LAB + 1, 3, 'another lab\'s');
    expect(await failureOf(new SetQcHoldUseCase().execute(reviewerCommand({ deviceId: 3 }), unit))).toEqual({ status: 404, code: 'DEVICE_NOT_FOUND', message: 'Device not found' });
    expect([unit.qcHolds.rows.size, unit.published]).toEqual([0, []]);
  });
});
