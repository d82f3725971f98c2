import { loadProfiles } from '../profiles/profile-registry';
import { parseBridgeDevices, parseDeviceConnections } from './device-connection.config';

const profiles = loadProfiles('');
const device = { name: 'chem-1', protocol: 'astm', port: 5100, labId: 100, deviceAuth: 'tok', profile: 'astm-lis2-a2' };

describe('device connections config', () => {
  it('fills the defaults: server mode on 127.0.0.1', () => {
    const [sut] = parseDeviceConnections(JSON.stringify([device]), profiles);
    expect(sut).toMatchObject({ ...device, mode: 'server', host: '127.0.0.1', reconnectMs: 5000 });
    expect(parseDeviceConnections('', profiles)).toEqual([]);
  });

  it('names each problem', () => {
    const parse = (list: unknown) => () => parseDeviceConnections(JSON.stringify(list), profiles);
    expect(() => parseDeviceConnections('{', profiles)).toThrow('devices: not JSON');
    expect(parse({})).toThrow('expected a JSON array');
    expect(parse([{ ...device, port: 0 }])).toThrow('devices[0]: port must not be less than 1');
    expect(parse([{ ...device, extra: 1 }])).toThrow('devices[0]: property extra should not exist');
    expect(parse([{ ...device, profile: 'nope' }])).toThrow('no vendor profile named nope');
    expect(parse([{ ...device, profile: 'hl7-v2' }])).toThrow('profile hl7-v2 is for hl7, not astm');
    expect(parse([device, { ...device, name: 'chem-2' }])).toThrow('127.0.0.1:5100 (server) is used twice');
    expect(parse([device, { ...device, port: 5101 }])).toThrow('the name chem-1 is used twice');
  });
});

describe('registered devices in the config (credentials only)', () => {
  it('tells a credentials entry from a whole connection', () => {
    const sut = parseBridgeDevices(JSON.stringify([device, { labId: 100, deviceAuth: 'tok-2' }, { name: 'xn-2', labId: 100, deviceAuth: 'tok-3' }]), profiles);
    expect(sut.inline.map((d) => d.name)).toEqual(['chem-1']);
    expect(sut.registered).toEqual([{ labId: 100, deviceAuth: 'tok-2' }, { name: 'xn-2', labId: 100, deviceAuth: 'tok-3' }]);
  });

  it('names each problem of a credentials entry', () => {
    const parse = (list: unknown) => () => parseBridgeDevices(JSON.stringify(list), profiles);
    expect(parse([{ labId: 0, deviceAuth: 'tok' }])).toThrow('devices[0]: labId must not be less than 1');
    expect(parse([{ labId: 100, deviceAuth: '' }])).toThrow('devices[0]: deviceAuth must be longer than or equal to 1 characters');
    expect(parse([{ labId: 100, deviceAuth: 'a' }, { labId: 100, deviceAuth: 'a' }])).toThrow('the credentials of lab 100 are listed twice');
    expect(parse([device, { name: 'chem-1', labId: 100, deviceAuth: 'b' }])).toThrow('the name chem-1 is used twice');
    // a connection field makes it a whole connection, checked as one
    expect(parse([{ labId: 100, deviceAuth: 'a', port: 5100 }])).toThrow('protocol must be one of the following values: astm, hl7');
  });
});
