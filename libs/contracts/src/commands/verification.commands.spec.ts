import { validatePayload } from '../topic';
import { RuleSetBody } from './verification.commands';

const valid = () => ({
  parameters: [{ index: 4, delta: { mode: 'percent', limit: 10, lookBackDays: 30 } }, { index: 5, referenceRange: false }],
  blockingParamFlags: ['A', 'H~N'],
  blockingTestFlags: ['PLT_Clumps?'],
});

describe('RuleSetBody', () => {
  const problemsOf = (body: unknown) => validatePayload(RuleSetBody, body).problems;

  it('accepts a rule set with delta checks and flag lists', () => {
    expect(problemsOf(valid())).toEqual([]);
  });

  it('names the field of a threshold of the wrong sign or type', () => {
    const negative = valid();
    negative.parameters[0].delta!.limit = -5;
    expect(problemsOf(negative)).toEqual(['parameters.0.delta.limit must be a positive number']);
    const text = valid() as unknown as { parameters: { delta: { limit: unknown } }[] };
    text.parameters[0].delta.limit = '10';
    expect(problemsOf(text)[0]).toMatch(/^parameters\.0\.delta\.limit must be a number/);
  });

  it('names the field of a look-back window of zero and of an unknown delta mode', () => {
    const zero = valid();
    zero.parameters[0].delta!.lookBackDays = 0;
    expect(problemsOf(zero)).toEqual(['parameters.0.delta.lookBackDays must not be less than 1']);
    const mode = valid();
    mode.parameters[0].delta!.mode = 'ratio';
    expect(problemsOf(mode)[0]).toMatch(/^parameters\.0\.delta\.mode must be one of/);
  });

  it('names a flag list that is not a list of strings', () => {
    expect(problemsOf({ ...valid(), blockingParamFlags: ['A', 3] })[0]).toBe('each value in blockingParamFlags must be a string');
    expect(problemsOf({ ...valid(), blockingTestFlags: 'PLT_Clumps?' })[0]).toMatch(/blockingTestFlags must be an array/);
  });

  it('refuses unknown fields and an empty parameter list', () => {
    expect(problemsOf({ ...valid(), autoRelease: true })).toEqual(['property autoRelease should not exist']);
    expect(problemsOf({ ...valid(), parameters: [] })).toEqual(['parameters must contain at least 1 elements']);
  });
});
