import { adminCommand, failureOf, LAB } from '../in-memory-device-ingestion.fake';
import { labWithDevices } from './connection-fixtures';
import { DeleteDeviceConnectionUseCase } from './delete-device-connection.usecase';
import { GetDeviceConnectionUseCase } from './get-device-connection.usecase';
import { SetDeviceConnectionUseCase } from './set-device-connection.usecase';

const registered = async () => {
  const unit = labWithDevices();
  await new SetDeviceConnectionUseCase().execute(adminCommand({ deviceId: 1, protocol: 'hl7' as const, port: 4001, profile: 'hl7-v2' }), unit);
  return unit;
};

describe('DeleteDeviceConnectionUseCase', () => {
  it('DELETE removes it and answers it as it was; then GET and DELETE are 404 CONNECTION_NOT_FOUND', async () => {
    const unit = await registered();
    expect(await new DeleteDeviceConnectionUseCase().execute(adminCommand({ deviceId: 1 }), unit)).toMatchObject({ deviceId: 1, port: 4001 });
    expect(unit.tables.connections).toEqual([]);
    const notFound = { status: 404, code: 'CONNECTION_NOT_FOUND', message: 'No connection is registered for this device' };
    expect(await failureOf(new GetDeviceConnectionUseCase().execute(adminCommand({ deviceId: 1 }), unit))).toEqual(notFound);
    expect(await failureOf(new DeleteDeviceConnectionUseCase().execute(adminCommand({ deviceId: 1 }), unit))).toEqual(notFound);
  });

  it('another lab\'s device is DEVICE_NOT_FOUND, and its connection stays', async () => {
    const unit = labWithDevices();
    unit.tables.connections.push({
      deviceId: 2, labId: LAB + 1, protocol: 'astm', mode: 'server', host: '127.0.0.1', port: 5100, profile: 'astm-lis2-a2', reconnectMs: 5000, bridge: 'default', updatedAt: new Date(),
    });
    const notFound = { status: 404, code: 'DEVICE_NOT_FOUND', message: 'Device not found' };
    expect(await failureOf(new DeleteDeviceConnectionUseCase().execute(adminCommand({ deviceId: 2 }), unit))).toEqual(notFound);
    expect(unit.tables.connections).toHaveLength(1);
  });
});
