import { DeviceConnectionConfig } from './device-connection.config';
import { planConnections } from './connection-plan';

const device = (name: string, over: Partial<DeviceConnectionConfig> = {}): DeviceConnectionConfig => Object.assign(new DeviceConnectionConfig(), {
  name, protocol: 'astm', mode: 'server', host: '127.0.0.1', port: 5100, labId: 100, deviceAuth: `tok-${name}`, profile: 'astm-lis2-a2', reconnectMs: 5000, ...over,
});
const byName = (...devices: DeviceConnectionConfig[]) => new Map(devices.map((d) => [d.name, d]));

describe('planConnections (current vs wanted)', () => {
  it('opens what is wanted and not open, closes what is open and not wanted', () => {
    const sut = planConnections(byName(device('a'), device('b', { port: 5101 })), byName(device('b', { port: 5101 }), device('c', { port: 5102 })));
    expect(sut).toEqual({ open: [device('c', { port: 5102 })], close: ['a'], reopen: [] });
  });

  it('leaves an unchanged connection alone, even as another object', () => {
    expect(planConnections(byName(device('a')), byName(device('a')))).toEqual({ open: [], close: [], reopen: [] });
  });

  it.each([
    ['port', { port: 5200 }], ['host', { host: '10.0.0.5' }], ['mode', { mode: 'client' as const }], ['protocol', { protocol: 'hl7' as const }],
    ['profile', { profile: 'example-haematology-astm' }], ['reconnectMs', { reconnectMs: 900 }], ['token', { deviceAuth: 'rotated' }],
  ])('reopens a connection whose %s changed', (_field, over) => {
    expect(planConnections(byName(device('a')), byName(device('a', over)))).toEqual({ open: [], close: [], reopen: [device('a', over)] });
  });

  it('closes everything when nothing is wanted, and opens everything from nothing', () => {
    expect(planConnections(byName(device('a'), device('b')), new Map())).toEqual({ open: [], close: ['a', 'b'], reopen: [] });
    expect(planConnections(new Map(), byName(device('a')))).toEqual({ open: [device('a')], close: [], reopen: [] });
  });
});
