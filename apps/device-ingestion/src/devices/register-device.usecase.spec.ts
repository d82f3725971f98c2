import { RegisterDeviceInput } from '@labflow/contracts';
import { adminCommand, failureOf, inMemoryDeviceIngestionUnit, LAB } from '../in-memory-device-ingestion.fake';
import { hashDeviceAuth } from './device-auth';
import { RegisterDeviceUseCase } from './register-device.usecase';

const input = (over: Partial<RegisterDeviceInput> = {}): RegisterDeviceInput => ({ name: 'Sysmex XN-1000', ...over });

describe('RegisterDeviceUseCase', () => {
  it('stores the device in the caller\'s lab with only the token\'s hash, publishes device.registered and shows the token', async () => {
    const unit = inMemoryDeviceIngestionUnit();
    const result = await new RegisterDeviceUseCase().execute(adminCommand(input()), unit);
    expect(result).toEqual({ id: 1, name: 'Sysmex XN-1000', lab: LAB, deviceAuth: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(unit.tables.devices).toEqual([expect.objectContaining({ labId: LAB, name: 'Sysmex XN-1000', authHash: hashDeviceAuth(result.deviceAuth) })]);
    expect(JSON.stringify(unit.tables.devices)).not.toContain(result.deviceAuth);
    expect(unit.published).toEqual([{
      topic: 'device.registered', payload: { deviceId: 1, labId: LAB, name: 'Sysmex XN-1000', registeredAt: '2026-01-02T03:04:05.000Z' },
    }]);
  });

  it('keeps for a repeat the reply without the token: it is shown once', async () => {
    const sut = new RegisterDeviceUseCase();
    const reply = await sut.execute(adminCommand(input()), inMemoryDeviceIngestionUnit());
    expect(sut.kept(reply)).toEqual({ ...reply, deviceAuth: '(shown once)' });
  });

  it('accepts a lab that is the caller\'s own', async () => {
    const unit = inMemoryDeviceIngestionUnit();
    await expect(new RegisterDeviceUseCase().execute(adminCommand(input({ lab: LAB })), unit)).resolves.toMatchObject({ lab: LAB });
    expect(unit.tables.devices.map((d) => d.labId)).toEqual([LAB]);
  });

  it('refuses to register for another lab with 403 LAB_MISMATCH, storing and publishing nothing', async () => {
    const unit = inMemoryDeviceIngestionUnit();
    expect(await failureOf(new RegisterDeviceUseCase().execute(adminCommand(input({ lab: LAB + 1 })), unit)))
      .toEqual({ status: 403, code: 'LAB_MISMATCH', message: 'A device can only be registered for your own lab' });
    expect(unit.tables.devices).toEqual([]);
    expect(unit.published).toEqual([]);
  });
});
