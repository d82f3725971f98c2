import { DeviceUpload } from './device-upload';
import { idempotencyKeyOf, unmappedTestNameOf, withoutTestName } from './unmapped-values';

const upload: DeviceUpload = {
  labId: 1, sampleId: 'S', test_flags: [],
  data: { values: [{ testName: 'hmg', value: 6.4, param_flags: [] }, { testName: 'XYZ', value: 1, param_flags: ['H'] }] },
  device_extra_data: { source: 'analyzer-bridge' },
};

describe('unmapped test names', () => {
  it('reads the name from device-ingestion\'s refusal', () => {
    expect(unmappedTestNameOf('UNKNOWN_TEST_NAME', 'data.values.1.testName XYZ is not mapped on this device')).toBe('XYZ');
    expect(unmappedTestNameOf('SAMPLE_NOT_FOUND', 'Sample not found')).toBeNull();
  });

  it('moves its values to device_extra_data.unmapped and changes the idempotency key', () => {
    const sut = withoutTestName(upload, 'XYZ')!;
    expect(sut.data.values).toEqual([{ testName: 'hmg', value: 6.4, param_flags: [] }]);
    expect(sut.device_extra_data).toEqual({ source: 'analyzer-bridge', unmapped: [{ testName: 'XYZ', value: 1, param_flags: ['H'] }] });
    expect(idempotencyKeyOf('id', upload)).toBe('id');
    expect(idempotencyKeyOf('id', sut)).toBe('id-u1');
  });

  it('gives up when nothing mapped would be left', () => {
    expect(withoutTestName(withoutTestName(upload, 'XYZ')!, 'hmg')).toBeNull();
    expect(withoutTestName(upload, 'absent')).toBeNull();
  });
});
