import { plainToInstance } from 'class-transformer';
import { VendorProfile } from '../profiles/vendor-profile';
import { analyzerValue, uploadsOf } from './device-upload';
import { InstrumentMessage, InstrumentResult, SampleReport } from './instrument-message';

const result = (extra: Partial<InstrumentResult>): InstrumentResult => ({
  code: 'HGB', value: '6.4', units: 'g/dL', range: '12-16', flags: [], status: 'F', comments: [], ...extra,
});
const sample = (extra: Partial<SampleReport>): SampleReport => ({ sampleId: 'S1', results: [], reportFlags: [], qc: false, comments: [], ...extra });
const message = (samples: SampleReport[]): InstrumentMessage => ({ protocol: 'astm', controlId: 'C1', messageType: 'ASTM', samples, queries: [] });
const profile = plainToInstance(VendorProfile, { name: 'p', protocol: 'astm', testNames: { HGB: 'hmg' } });

describe('uploadsOf (seed 002 dataPartialFromDevice/)', () => {
  it('one sample → one upload: values with param_flags, report messages as test_flags, the rest in device_extra_data', () => {
    const sut = uploadsOf(message([sample({
      reportFlags: ['Blasts?'],
      results: [result({ flags: ['LL', 'A'], comments: ['rerun'] }), result({ code: 'RBC', value: '4.10', flags: [] })],
    })]), 100, profile);
    expect(sut.uploads).toEqual([{
      labId: 100, sampleId: 'S1', test_flags: ['Blasts?'],
      data: { values: [{ testName: 'hmg', value: 6.4, param_flags: ['LL', 'A'] }, { testName: 'RBC', value: '4.10', param_flags: [] }] },
      device_extra_data: {
        source: 'analyzer-bridge', protocol: 'astm', profile: 'p', control_id: 'C1',
        results: [
          { testName: 'hmg', code: 'HGB', value: '6.4', units: 'g/dL', range: '12-16', flags: ['LL', 'A'], status: 'F', comments: ['rerun'] },
          { testName: 'RBC', code: 'RBC', value: '4.10', units: 'g/dL', range: '12-16', flags: [], status: 'F' },
        ],
      },
    }]);
  });

  it('keeps QC apart and says why a sample is left out; a result without a value stays in the extra data', () => {
    const sut = uploadsOf(message([
      sample({ sampleId: 'QC1', qc: true, results: [result({})] }),
      sample({ sampleId: '', results: [result({})] }),
      sample({ sampleId: 'S2', results: [result({ value: '' })] }),
      sample({ sampleId: 'S3', results: [result({ value: '' }), result({ code: 'K', value: '4' })] }),
    ]), 100, profile);
    expect(sut.qc.map((s) => s.sampleId)).toEqual(['QC1']);
    expect(sut.skipped).toEqual([
      { sampleId: '', reason: 'no sample id where the profile looks for it' },
      { sampleId: 'S2', reason: 'no result with a value' },
    ]);
    expect(sut.uploads[0].data.values).toEqual([{ testName: 'K', value: 4, param_flags: [] }]);
    expect((sut.uploads[0].device_extra_data.results as unknown[])).toHaveLength(2);
  });

  it('sends plain decimals as numbers and anything else as the instrument wrote it', () => {
    expect(['5.4', '-0.2', '110.12', '+3', '4.10', '<0.1', 'POS', '1e3', '007'].map(analyzerValue))
      .toEqual([5.4, -0.2, 110.12, 3, '4.10', '<0.1', 'POS', '1e3', '007']);
  });
});
