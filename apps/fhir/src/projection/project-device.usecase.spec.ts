import { DeviceRegistered, systemPrincipal } from '@labflow/contracts';
import { commandFor, inMemoryUnitOfWork } from '@labflow/platform/handling';
import { recordingProjection } from '../in-memory-fhir.fake';
import { ProjectDeviceUseCase } from './project-device.usecase';

describe('ProjectDeviceUseCase', () => {
  it('keeps the analyzer of the lab by id and name', async () => {
    const projection = recordingProjection();
    const event: DeviceRegistered = { deviceId: 3, labId: 41, name: 'Sysmex XN-1000', registeredAt: '2026-01-02T03:04:05.000Z' };
    await new ProjectDeviceUseCase().execute(commandFor(systemPrincipal(41), event), inMemoryUnitOfWork({ projection, readModel: {} as never }));
    expect(projection.calls).toEqual([{ method: 'saveDevice', args: [41, 3, 'Sysmex XN-1000'] }]);
  });
});
