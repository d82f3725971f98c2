import { DomainException } from '@labflow/platform/kafka';
import { checkMappedIndexes } from './device-mapping.rules';

describe('checkMappedIndexes: a mapping fills parameters of its test', () => {
  const parameters = [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 5 }];

  it('accepts indexes that are all parameters of the test (not necessarily every parameter)', () => {
    expect(() => checkMappedIndexes(parameters, [4, 5, 6])).not.toThrow();
  });

  it('refuses the first index the test does not have, naming it', () => {
    const refuse = () => checkMappedIndexes([...parameters, { testName: 'wbc', index: 9 }, { testName: 'plt', index: 10 }], [4, 5, 6]);
    expect(refuse).toThrow(DomainException);
    expect(refuse).toThrow(expect.objectContaining({
      status: 400, code: 'UNKNOWN_TEST_PARAMETER', message: 'parameters.2.index 9 is not a parameter of this test',
    }));
  });

  it('refuses every index of a test without parameters', () => {
    expect(() => checkMappedIndexes(parameters, [])).toThrow('parameters.0.index 4 is not a parameter of this test');
  });
});
