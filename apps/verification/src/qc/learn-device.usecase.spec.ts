import { systemPrincipal } from '@labflow/contracts';
import { commandFor } from '@labflow/platform/handling';
import { inMemoryVerificationUnit, LAB } from '../in-memory-verification.fake';
import { LearnDeviceUseCase } from './learn-device.usecase';

describe('LearnDeviceUseCase', () => {
  it('knows the device in its own lab only', async () => {
    const unit = inMemoryVerificationUnit();
    await new LearnDeviceUseCase().execute(commandFor(systemPrincipal(LAB), { labId: LAB, deviceId: 3, name: 'Sysmex XN-550', registeredAt: '2026-05-25T08:00:00.000Z' }), unit);
    expect([await unit.devices.exists(LAB, 3), await unit.devices.exists(LAB + 1, 3)]).toEqual([true, false]);
  });
});
