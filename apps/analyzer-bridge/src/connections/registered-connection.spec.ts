import { DeviceConnectionView } from '@labflow/contracts';
import { loadProfiles } from '../profiles/profile-registry';
import { outcomeOf } from './registered-connection';

const profiles = loadProfiles('');
const credentials = { labId: 100, deviceAuth: 'tok' };
const view = (over: Partial<DeviceConnectionView> = {}): DeviceConnectionView => ({
  deviceId: 7, deviceName: 'XN-1', labId: 100, protocol: 'astm', mode: 'server', host: '127.0.0.1', port: 5100, profile: 'astm-lis2-a2',
  reconnectMs: 5000, bridge: 'default', updatedAt: '2026-01-02T03:04:05.000Z', ...over,
});
const found = (over: Partial<DeviceConnectionView> = {}) => ({ kind: 'found' as const, connection: view(over) });

describe('outcomeOf (one registration as this bridge serves it)', () => {
  it('is the connection to open, named device-<id> (or the configured name), with the configured credentials', () => {
    expect(outcomeOf(credentials, found(), profiles, 'default')).toEqual({
      kind: 'wanted', device: expect.objectContaining({ name: 'device-7', protocol: 'astm', port: 5100, labId: 100, deviceAuth: 'tok', profile: 'astm-lis2-a2' }),
    });
    expect(outcomeOf({ ...credentials, name: 'xn-1' }, found(), profiles, 'default')).toMatchObject({ device: { name: 'xn-1' } });
  });

  it('is not this bridge\'s when registered for another one', () => {
    expect(outcomeOf(credentials, found({ bridge: 'floor-2' }), profiles, 'default'))
      .toEqual({ kind: 'unwanted', status: 'elsewhere', name: 'device-7', reason: 'registered for bridge floor-2, this is default' });
  });

  it('is invalid when this bridge does not know the profile, or it is for the other protocol', () => {
    expect(outcomeOf(credentials, found({ profile: 'nope' }), profiles, 'default'))
      .toEqual({ kind: 'unwanted', status: 'invalid', name: 'device-7', reason: 'device 7 of lab 100 (device-7): no vendor profile named nope' });
    expect(outcomeOf(credentials, found({ profile: 'hl7-v2' }), profiles, 'default'))
      .toMatchObject({ status: 'invalid', reason: 'device 7 of lab 100 (device-7): profile hl7-v2 is for hl7, not astm' });
  });

  it('is none when nothing is registered, and unknown (keep what is open) when the gateway did not answer', () => {
    expect(outcomeOf(credentials, { kind: 'none', reason: '404 No connection is registered for this device (CONNECTION_NOT_FOUND)' }, profiles, 'default'))
      .toEqual({ kind: 'unwanted', status: 'none', name: null, reason: '404 No connection is registered for this device (CONNECTION_NOT_FOUND)' });
    expect(outcomeOf(credentials, { kind: 'retry', reason: 'gateway unreachable: fetch failed' }, profiles, 'default'))
      .toEqual({ kind: 'unknown', reason: 'gateway unreachable: fetch failed' });
  });
});
