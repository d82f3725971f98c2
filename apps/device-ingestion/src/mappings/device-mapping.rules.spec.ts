import { DEVICE_ERRORS } from '../device-ingestion.errors';
import { checkDeviceMapping, checkMappedIndexes } from './device-mapping.rules';

const answered = (check: () => void) => {
  try {
    check();
  } catch (error) {
    return DEVICE_ERRORS.toException(error as Parameters<typeof DEVICE_ERRORS.toException>[0]);
  }
  return null;
};

describe('checkMappedIndexes: a mapping fills parameters of its test', () => {
  const parameters = [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 5 }];

  it('accepts indexes that are all parameters of the test (not necessarily every parameter)', () => {
    expect(() => checkMappedIndexes(parameters, [4, 5, 6])).not.toThrow();
  });

  it('refuses the first index the test does not have, naming it', () => {
    const refusal = answered(() => checkMappedIndexes([...parameters, { testName: 'wbc', index: 9 }, { testName: 'plt', index: 10 }], [4, 5, 6]));
    expect(refusal).toMatchObject({ status: 400, code: 'UNKNOWN_TEST_PARAMETER', message: 'parameters.2.index 9 is not a parameter of this test' });
  });

  it('refuses every index of a test without parameters', () => {
    expect(answered(() => checkMappedIndexes(parameters, []))).toMatchObject({ message: 'parameters.0.index 4 is not a parameter of this test' });
  });
});

describe('checkDeviceMapping: the mapping itself', () => {
  const mapping = { deviceId: 1, testId: 2, functionName: 'PartialFill', parameters: [{ testName: 'hmg', index: 4 }] };

  it('refuses an unknown function, naming the known ones', () => {
    expect(answered(() => checkDeviceMapping({ ...mapping, functionName: 'Nope' }))).toMatchObject({
      status: 400, code: 'UNKNOWN_MAPPING_FUNCTION', message: expect.stringMatching(/^Unknown mapping function Nope \(known: .*PartialFill/),
    });
  });

  it.each([
    [{ parameters: [{ testName: 'hmg', index: 4 }, { testName: 'hmg', index: 5 }] }, 'parameters.1.testName hmg is repeated'],
    [{ parameters: [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 4 }] }, 'parameters.1.index 4 is repeated'],
    [{ flagInterpretations: { 'H~N': 'ZZ' } }, 'flagInterpretations.H~N must be an HL7 Table 0078 code'],
  ])('refuses an inconsistent mapping with 400 VALIDATION_FAILED (%#)', (over, message) => {
    expect(answered(() => checkDeviceMapping({ ...mapping, ...over }))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message });
  });
});
