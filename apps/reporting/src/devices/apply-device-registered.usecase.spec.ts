import { DeviceRegistered } from '@labflow/contracts';
import { InMemoryUnitsOfWork } from '@labflow/platform/handling';
import { throughSeam } from '../in-memory-fixtures.fake';
import { eventCommand, inMemoryReporting, inMemoryReportingUnit, LAB } from '../in-memory-reporting.fake';
import { ApplyDeviceRegisteredUseCase } from './apply-device-registered.usecase';

const registered = (over: Partial<DeviceRegistered> = {}): DeviceRegistered =>
  ({ deviceId: 31, labId: LAB, name: 'Sysmex XN-1000', registeredAt: '2026-05-25T08:00:00.000Z', ...over });

describe('ApplyDeviceRegisteredUseCase (reporting\'s copy of the lab\'s analyzers)', () => {
  const sut = new ApplyDeviceRegisteredUseCase();

  it('keeps the device\'s name for its lab, and publishes nothing', async () => {
    const unit = inMemoryReportingUnit();
    await sut.execute(eventCommand(registered()), unit);
    expect(await unit.devices.find(LAB, 31)).toEqual({ id: 31, name: 'Sysmex XN-1000' });
    expect(await unit.devices.find(LAB + 1, 31)).toBeNull();
    expect(unit.published).toEqual([]);
  });

  it('a device registered again (renamed) keeps its id and takes the new name', async () => {
    const unit = inMemoryReportingUnit();
    await sut.execute(eventCommand(registered()), unit);
    await sut.execute(eventCommand(registered({ name: 'Sysmex XN-2000' })), unit);
    expect(unit.devices.rows).toEqual([{ id: 31, labId: LAB, name: 'Sysmex XN-2000' }]);
  });

  it('through the seam: a redelivery has no effect; a failing store claims nothing, so the redelivery applies', async () => {
    const repositories = inMemoryReporting();
    const units = new InMemoryUnitsOfWork(repositories);
    const save = repositories.devices.save.bind(repositories.devices);
    repositories.devices.save = async () => { throw new Error('store down'); };
    await expect(throughSeam(sut, registered(), repositories, 'e-1', units)).rejects.toThrow('store down');
    expect(units.inbox.size).toBe(0);
    repositories.devices.save = save;
    await throughSeam(sut, registered(), repositories, 'e-1', units);
    expect(repositories.devices.rows).toEqual([{ id: 31, labId: LAB, name: 'Sysmex XN-1000' }]);
    await throughSeam(sut, registered({ name: 'redelivered' }), repositories, 'e-1', units);
    expect(repositories.devices.rows[0].name).toBe('Sysmex XN-1000');
    expect([...units.inbox.keys()]).toEqual(['reporting.device-registered\u0000e-1']);
  });
});
