import { loadProfiles } from '../profiles/profile-registry';
import { parseDeviceConnections } from './device-connection.config';

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
