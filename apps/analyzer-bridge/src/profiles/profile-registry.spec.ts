import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProfiles, parseProfile } from './profile-registry';

describe('vendor profiles', () => {
  it('the built-in profiles are valid and keep the standard layout where they say nothing', () => {
    const sut = loadProfiles('');
    expect([...sut.keys()]).toEqual(['astm-lis2-a2', 'hl7-v2', 'example-haematology-astm', 'example-chemistry-hl7']);
    expect(sut.get('astm-lis2-a2')!.astm).toMatchObject({ orderSampleId: '3.1', resultTestCode: '3.4', resultFlags: '7.1' });
    expect(sut.get('example-haematology-astm')!.astm).toMatchObject({ orderSampleId: '3.1', resultTestCode: '3.5', resultValueFlag: '4.2' });
    expect(sut.get('hl7-v2')!.hl7.sampleId).toEqual(['SPM-2.1', 'OBR-3.1', 'OBR-2.1']);
  });

  it('refuses a profile with an unknown field, a bad locator or a bad pattern, naming the problem', () => {
    expect(() => parseProfile({ name: 'x', protocol: 'astm', colour: 'red' }, 'x.json')).toThrow('vendor profile x.json: property colour should not exist');
    expect(() => parseProfile({ name: 'x', protocol: 'astm', astm: { resultTestCode: 'three' } }, 'x.json')).toThrow('astm.resultTestCode must match');
    expect(() => parseProfile({ name: 'x', protocol: 'hl7', hl7: { testCode: 'OBX3' } }, 'x.json')).toThrow('hl7.testCode must match');
    expect(() => parseProfile({ name: 'x', protocol: 'astm', qc: { sampleIdPattern: '(' } }, 'x.json')).toThrow('is not a regular expression');
  });

  it('reads a lab\'s own profiles from a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
    try {
      writeFileSync(join(dir, 'lab.json'), JSON.stringify({ name: 'lab-coag', protocol: 'astm', astm: { resultTestCode: '3.1' } }));
      expect(loadProfiles(dir).get('lab-coag')!.astm.resultTestCode).toBe('3.1');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
