import { decide } from './decide';
import { aRuleSet, aValue, anInput } from './rule-fixtures';

const MALE_ADULT = { lower: 13.5, upper: 17.5, criticalLower: 7, criticalUpper: 20, ageBand: { gender: 'male', ageFrom: 18, ageTo: 120, ageUnit: 'years' } };

describe('reference and critical range for the patient\'s age and gender', () => {
  const haemoglobin = (value: number, over = {}) => decide(anInput({
    values: [aValue({ value: String(value), numericValue: value, range: MALE_ADULT, ...over }), aValue({ index: 5 })],
  }), aRuleSet()).parameters[0];

  it('holds a value inside the parameter\'s own range but outside the patient\'s band, naming the band', () => {
    expect(haemoglobin(13, { abnormal: true })).toMatchObject({
      status: 'held', fired: [{ rule: 'reference_range', inputs: { value: '13', abnormal: true, range: { lower: 13.5, upper: 17.5, ageBand: MALE_ADULT.ageBand } } }],
    });
  });

  it('passes a value outside the parameter\'s own range (12–16) that the patient\'s band (13.5–17.5) allows', () => {
    expect(haemoglobin(17)).toMatchObject({ status: 'auto_verified', fired: [] });
  });

  it('judges critical against the patient\'s critical bounds', () => {
    expect(haemoglobin(6.5, { abnormal: true, critical: true }).fired.map((f) => [f.rule, f.inputs.criticalRange])).toEqual([
      ['reference_range', undefined], ['critical', { lower: 7, upper: 20, ageBand: MALE_ADULT.ageBand }],
    ]);
  });

  it('falls back to reporting\'s flags for inputs stored before the range was carried', () => {
    expect(haemoglobin(14, { range: undefined, abnormal: true }).fired).toEqual([{ rule: 'reference_range', inputs: { value: '14', abnormal: true, range: null } }]);
    expect(haemoglobin(30, { range: undefined }).fired.map((f) => f.rule)).toEqual(['measuring_range']);
  });

  it('does not judge a parameter without bounds', () => {
    expect(haemoglobin(99, { range: { lower: null, upper: null, criticalLower: null, criticalUpper: null, ageBand: null } }).fired.map((f) => f.rule)).toEqual(['measuring_range']);
  });
});
