import { aValue } from '../rules/rule-fixtures';
import { mergeValues, valuesChanged } from './report-values.merge';

describe('report values merge', () => {
  it('replaces the values of the update\'s indexes and keeps the others', () => {
    const merged = mergeValues([aValue({ index: 5, value: '5' }), aValue({ index: 4, value: '14' })], [aValue({ index: 4, value: '13' }), aValue({ index: 6, value: '28' })]);
    expect(merged.map((v) => [v.index, v.value])).toEqual([[4, '13'], [5, '5'], [6, '28']]);
  });

  it('tells a change of value, flag or report flag from the same values arriving again', () => {
    const before = { values: [aValue()], testFlags: [] };
    expect(valuesChanged(before, { values: [aValue({ observedAt: '2026-06-01T00:00:00.000Z' })], testFlags: [] })).toBe(false);
    expect(valuesChanged(before, { values: [aValue({ value: '14.1', numericValue: 14.1 })], testFlags: [] })).toBe(true);
    expect(valuesChanged(before, { values: [aValue({ paramFlags: ['W'] })], testFlags: [] })).toBe(true);
    expect(valuesChanged(before, { values: [aValue()], testFlags: ['PLT_Clumps?'] })).toBe(true);
  });

  it('reads the patient\'s range by value, not by key order (the stored state comes back from jsonb reordered)', () => {
    const before = { values: [aValue({ range: { ageBand: null, criticalUpper: 20, criticalLower: 7, upper: 16, lower: 12 } })], testFlags: [] };
    expect(valuesChanged(before, { values: [aValue()], testFlags: [] })).toBe(false);
    expect(valuesChanged(before, { values: [aValue({ range: { lower: 13.5, upper: 17.5, criticalLower: 7, criticalUpper: 20, ageBand: null } })], testFlags: [] })).toBe(true);
  });
});
