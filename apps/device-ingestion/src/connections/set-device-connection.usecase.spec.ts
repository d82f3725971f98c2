import { SetDeviceConnectionInput } from '@labflow/contracts';
import { adminCommand, failureOf, LAB } from '../in-memory-device-ingestion.fake';
import { labWithDevices } from './connection-fixtures';
import { SetDeviceConnectionUseCase } from './set-device-connection.usecase';

const input = (over: Partial<SetDeviceConnectionInput> = {}): SetDeviceConnectionInput => ({
  deviceId: 1, protocol: 'astm', port: 5100, profile: 'astm-lis2-a2', ...over,
});

describe('SetDeviceConnectionUseCase', () => {
  const sut = new SetDeviceConnectionUseCase();

  it('stores the connection with the defaults filled in (server on 127.0.0.1, bridge "default") and answers it, publishing nothing', async () => {
    const unit = labWithDevices();
    expect(await sut.execute(adminCommand(input()), unit)).toEqual({
      deviceId: 1, deviceName: 'XN-1', labId: LAB, protocol: 'astm', mode: 'server', host: '127.0.0.1', port: 5100,
      profile: 'astm-lis2-a2', reconnectMs: 5000, bridge: 'default', updatedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(unit.tables.connections).toEqual([expect.objectContaining({ deviceId: 1, labId: LAB, port: 5100, mode: 'server', bridge: 'default' })]);
    expect(unit.published).toEqual([]);
  });

  it('replaces the whole connection on a second PUT (a field left out is its default again), and the same body stores the same', async () => {
    const unit = labWithDevices();
    await sut.execute(adminCommand(input({ mode: 'client', host: 'ts-1.lab.local', reconnectMs: 900, bridge: 'floor-2' })), unit);
    await sut.execute(adminCommand(input({ port: 5200 })), unit);
    const once = [...unit.tables.connections];
    await sut.execute(adminCommand(input({ port: 5200 })), unit);
    expect(unit.tables.connections).toEqual(once);
    expect(once).toEqual([expect.objectContaining({ deviceId: 1, mode: 'server', host: '127.0.0.1', port: 5200, reconnectMs: 5000, bridge: 'default' })]);
  });

  it('refuses an address another device of the lab has on the same bridge with 409, storing nothing', async () => {
    const unit = labWithDevices();
    await sut.execute(adminCommand(input({ deviceId: 3 })), unit);
    expect(await failureOf(sut.execute(adminCommand(input()), unit))).toEqual({
      status: 409, code: 'CONNECTION_ADDRESS_TAKEN', message: 'server 127.0.0.1:5100 of bridge default is already the connection of device 3',
    });
    expect(unit.tables.connections.map((c) => c.deviceId)).toEqual([3]);
  });

  it('allows the same port on another bridge, in the other mode, or for the device itself', async () => {
    const unit = labWithDevices();
    await sut.execute(adminCommand(input({ deviceId: 3 })), unit);
    await expect(sut.execute(adminCommand(input({ bridge: 'floor-2' })), unit)).resolves.toMatchObject({ bridge: 'floor-2', port: 5100 });
    await expect(sut.execute(adminCommand(input({ deviceId: 3, protocol: 'hl7', profile: 'hl7-v2' })), unit)).resolves.toMatchObject({ protocol: 'hl7' });
    await expect(sut.execute(adminCommand(input({ mode: 'client' })), unit)).resolves.toMatchObject({ mode: 'client', port: 5100 });
  });

  it('answers 404 DEVICE_NOT_FOUND for another lab\'s device and an unknown one, storing nothing', async () => {
    const unit = labWithDevices();
    for (const deviceId of [2, 99]) {
      expect(await failureOf(sut.execute(adminCommand(input({ deviceId })), unit))).toEqual({ status: 404, code: 'DEVICE_NOT_FOUND', message: 'Device not found' });
    }
    expect(unit.tables.connections).toEqual([]);
  });
});
