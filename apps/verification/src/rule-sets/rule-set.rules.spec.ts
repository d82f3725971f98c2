import { SaveRuleSetInput } from '@labflow/contracts';
import { DomainError } from '@labflow/platform/handling';
import { VERIFICATION_ERRORS } from '../verification.errors';
import { checkRuleSet, rulesOf } from './rule-set.rules';

const input = (over: Partial<SaveRuleSetInput> = {}): SaveRuleSetInput => ({
  testId: 10, parameters: [{ index: 4 }, { index: 5, referenceRange: false, delta: { mode: 'absolute', limit: 1, lookBackDays: 7 } }],
  blockingParamFlags: ['A', 'A'], blockingTestFlags: [], ...over,
});

function refusal(run: () => void): { status: number; code: string; message: string } {
  try {
    run();
  } catch (error) {
    const e = VERIFICATION_ERRORS.toException(error as DomainError);
    return { status: e.status, code: e.code, message: e.message };
  }
  throw new Error('expected a refusal');
}

describe('checkRuleSet', () => {
  it('accepts parameters of the test\'s format', () => {
    expect(() => checkRuleSet(input(), [4, 5, 6])).not.toThrow();
  });

  it('refuses an index the format lacks, naming the field', () => {
    expect(refusal(() => checkRuleSet(input(), [4, 6]))).toEqual({ status: 400, code: 'UNKNOWN_TEST_PARAMETER', message: 'parameters.1.index 5 is not a parameter of this test' });
  });

  it('refuses a repeated parameter or device', () => {
    expect(refusal(() => checkRuleSet(input({ parameters: [{ index: 4 }, { index: 4 }] }), [4])).message).toBe('parameters.1.index 4 is repeated');
    const devices = [{ deviceId: 3, blockingParamFlags: [], blockingTestFlags: [] }, { deviceId: 3, blockingParamFlags: [], blockingTestFlags: [] }];
    expect(refusal(() => checkRuleSet(input({ devices }), [4, 5])).message).toBe('devices.1.deviceId 3 is repeated');
  });
});

describe('rulesOf', () => {
  it('stores every check explicitly, on unless turned off, and each flag once', () => {
    expect(rulesOf(input())).toEqual({
      parameters: [
        { index: 4, referenceRange: true, measuringRange: true, critical: true, delta: null },
        { index: 5, referenceRange: false, measuringRange: true, critical: true, delta: { mode: 'absolute', limit: 1, lookBackDays: 7 } },
      ],
      blockingParamFlags: ['A'], blockingTestFlags: [], devices: [],
    });
  });
});
