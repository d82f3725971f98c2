import { commandFor } from '@labflow/platform/handling';
import { systemPrincipal } from '@labflow/contracts';
import { adminCommand, failureOf, LAB } from '../in-memory-device-ingestion.fake';
import { labWithDevices, TOKEN } from './connection-fixtures';
import { GetRegisteredConnectionUseCase } from './get-registered-connection.usecase';
import { SetDeviceConnectionUseCase } from './set-device-connection.usecase';

/** The bridge's call: no principal, the lab of its input (the seam's labIdOf), the device's token. */
const bridgeCommand = (labId: number, deviceAuth: string) => commandFor(systemPrincipal(labId), { labId, deviceAuth });

describe('GetRegisteredConnectionUseCase', () => {
  const sut = new GetRegisteredConnectionUseCase();

  it('answers the connection of the device the token names', async () => {
    const unit = labWithDevices();
    await new SetDeviceConnectionUseCase().execute(adminCommand({ deviceId: 1, protocol: 'astm' as const, port: 5100, profile: 'astm-lis2-a2' }), unit);
    expect(await sut.execute(bridgeCommand(LAB, TOKEN), unit)).toMatchObject({ deviceId: 1, deviceName: 'XN-1', labId: LAB, port: 5100 });
  });

  it('is 404 CONNECTION_NOT_FOUND for a device without one', async () => {
    expect(await failureOf(sut.execute(bridgeCommand(LAB, TOKEN), labWithDevices())))
      .toEqual({ status: 404, code: 'CONNECTION_NOT_FOUND', message: 'No connection is registered for this device' });
  });

  it('refuses a token of no device of that lab (another lab named, or a wrong token) with 401', async () => {
    const invalid = { status: 401, code: 'INVALID_DEVICE_AUTH', message: 'Invalid device authentication' };
    expect(await failureOf(sut.execute(bridgeCommand(LAB + 1, TOKEN), labWithDevices()))).toEqual(invalid);
    expect(await failureOf(sut.execute(bridgeCommand(LAB, 'not-the-token'), labWithDevices()))).toEqual(invalid);
  });
});
