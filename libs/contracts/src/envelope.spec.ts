import { contextFrom, envelopeProblems, newEnvelope } from './envelope';
import { validatePayload } from './topic';
import { DeviceRegistered } from './events/device.events';

describe('envelope', () => {
  const sut = newEnvelope('device.registered', 1, { deviceId: 1 }, { labId: 7, correlationId: 'req-1', causationId: null });

  it('is well formed', () => {
    expect(envelopeProblems(sut)).toEqual([]);
    expect(sut).toMatchObject({ type: 'device.registered', version: 1, labId: 7, correlationId: 'req-1', causationId: null });
  });

  it('carries correlation and causation to the messages it causes', () => {
    expect(contextFrom(sut)).toEqual({ labId: 7, correlationId: 'req-1', causationId: sut.id });
  });

  it('names every structural problem', () => {
    expect(envelopeProblems({ ...sut, id: 'x', version: '1', payload: null })).toEqual([
      'id must be a UUID', 'version must be an integer', 'payload must be an object',
    ]);
    expect(envelopeProblems('nope')).toEqual(['envelope is not an object']);
  });

  it('validates payloads against their class and refuses unknown fields', () => {
    const ok = { deviceId: 1, labId: 2, name: 'XN', registeredAt: new Date().toISOString() };
    expect(validatePayload(DeviceRegistered, ok).problems).toEqual([]);
    expect(validatePayload(DeviceRegistered, { ...ok, extra: 1 }).problems).toEqual(['property extra should not exist']);
    expect(validatePayload(DeviceRegistered, { ...ok, labId: 'x' }).problems).toEqual(['labId must be an integer number']);
  });
});
