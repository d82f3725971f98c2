import { LabReportRerunContext } from '@labflow/contracts';
import { ageIn, numericValueOf, qualifiedIndexes } from './auto-rerun-qualification';

const rule = (index: number, over: Partial<LabReportRerunContext['parameters'][number]>) => ({
  index, name: `p${index}`, lower: null, upper: null, criticalLower: null, criticalUpper: null,
  autoRerunAllowed: true, autoRerunCondition: null, autoRerunLower: null, autoRerunUpper: null, ...over,
});

function context(dateOfBirth: string, gender = 'female'): LabReportRerunContext {
  return {
    labReportId: 1, labId: 1, sampleId: 'S', testId: 1, sampleRedrawFlag: 0, values: [],
    patient: { gender, dateOfBirth },
    parameters: [
      rule(1, { lower: 4, upper: 11, autoRerunCondition: 'abnormal' }),
      rule(3, { lower: 12, upper: 16, criticalLower: 7, criticalUpper: 20, autoRerunCondition: 'critical' }),
      rule(5, { autoRerunCondition: 'custom', autoRerunLower: 50, autoRerunUpper: 1000 }),
      rule(7, { lower: 4.5, upper: 5.5, autoRerunAllowed: false, autoRerunCondition: 'abnormal' }),
    ],
    ageRanges: [
      { index: 3, gender: 'any', ageFrom: 0, ageTo: 18, ageUnit: 'years', lower: 11, upper: 14, criticalLower: 9, criticalUpper: 18 },
      { index: 1, gender: 'male', ageFrom: 18, ageTo: 120, ageUnit: 'years', lower: 5, upper: 10, criticalLower: null, criticalUpper: null },
    ],
  };
}
const at = new Date('2026-06-01T00:00:00Z');

describe('auto-rerun qualification (seed 000 §6)', () => {
  it('abnormal: outside the reference range', () => {
    expect(qualifiedIndexes(context('1984-02-29'), [{ index: 1, value: '12' }, { index: 1, value: 3.9 }], at)).toEqual([1]);
    expect(qualifiedIndexes(context('1984-02-29'), [{ index: 1, value: '11' }], at)).toEqual([]);
  });

  it('abnormal uses the gender-specific age band: 10.5 is abnormal for an adult man only', () => {
    expect(qualifiedIndexes(context('1984-02-29', 'male'), [{ index: 1, value: '10.5' }], at)).toEqual([1]);
    expect(qualifiedIndexes(context('1984-02-29', 'female'), [{ index: 1, value: '10.5' }], at)).toEqual([]);
  });

  it('critical: 19 is critical for a child (band 9-18) but not for an adult (7-20)', () => {
    expect(qualifiedIndexes(context('2016-01-01'), [{ index: 3, value: '19' }], at)).toEqual([3]);
    expect(qualifiedIndexes(context('1984-02-29'), [{ index: 3, value: '19' }], at)).toEqual([]);
    expect(qualifiedIndexes(context('1984-02-29'), [{ index: 3, value: '6.9' }], at)).toEqual([3]);
  });

  it('custom: outside auto_rerun_lower/upper', () => {
    expect(qualifiedIndexes(context('1984-02-29'), [{ index: 5, value: '1200' }, { index: 3, value: '15' }], at)).toEqual([5]);
    expect(qualifiedIndexes(context('1984-02-29'), [{ index: 5, value: '500' }], at)).toEqual([]);
  });

  it('never qualifies a non-numeric value or a parameter without auto_rerun_allowed', () => {
    expect(qualifiedIndexes(context('1984-02-29'), [{ index: 1, value: 'Clotted' }, { index: 1, value: '12 H' }, { index: 7, value: '9' }], at)).toEqual([]);
    expect(numericValueOf(' 12.5 ')).toBe(12.5);
    expect(numericValueOf('1e3')).toBe(1000);
    expect(numericValueOf('')).toBeNull();
  });

  it('computes whole ages in days, months and years', () => {
    expect(ageIn('years', '2008-06-02', at)).toBe(17);
    expect(ageIn('years', '2008-06-01', at)).toBe(18);
    expect(ageIn('months', '2026-01-15', at)).toBe(4);
    expect(ageIn('days', '2026-05-25', at)).toBe(7);
  });
});
