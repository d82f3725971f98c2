import { AgeRangeDto, ReportParameterDto } from '@labflow/contracts';
import { criticalParameters } from './critical-parameters';

const format: ReportParameterDto[] = [
  { index: 4, name: 'Haemoglobin', unit: 'g/dL', lower: 12, upper: 16, reference_text: '12 - 16', critical_lower: 7, critical_upper: 20 },
  { index: 5, name: 'RBC', lower: 4.5, upper: 5.5, critical_lower: 2, critical_upper: 8 },
  { index: 6, name: 'MCH', lower: 27, upper: 32 },
];
const ageRanges: AgeRangeDto[] = [
  { index: 4, gender: 'female', age_from: 18, age_to: 120, age_unit: 'years', lower: 12, upper: 15.5, critical_lower: 7, critical_upper: 100 },
  { index: 4, gender: 'any', age_from: 0, age_to: 18, age_unit: 'years', lower: 11, upper: 14, critical_lower: 6, critical_upper: 18 },
];
const at = new Date('2026-05-25T08:00:00Z');
const adultMale = { dateOfBirth: '1980-01-01', gender: 'male' };
const adultFemale = { dateOfBirth: '1984-02-29', gender: 'female' };
const child = { dateOfBirth: '2020-01-01', gender: 'male' };

describe('criticalParameters (seed 001 critical parameter mapper)', () => {
  it('flags values strictly outside the critical range, low and high, in index order', () => {
    const sut = criticalParameters(format, [], adultMale, at, [{ index: 5, value: 9 }, { index: 4, value: '6.5' }, { index: 6, value: 1 }]);
    expect(sut).toEqual([
      { value: 6.5, parameter_name: 'Haemoglobin', reference_range: '12 - 16', index: 4, unit: 'g/dL', critical_range: '7 - 20', critical_lower: 7, critical_upper: 20, critical_flag: 'critical_low' },
      { value: 9, parameter_name: 'RBC', reference_range: '4.5 - 5.5', index: 5, unit: null, critical_range: '2 - 8', critical_lower: 2, critical_upper: 8, critical_flag: 'critical_high' },
    ]);
  });

  it('keeps values on the limits, non-numeric values and parameters without a critical range out', () => {
    expect(criticalParameters(format, [], adultMale, at, [
      { index: 4, value: 7 }, { index: 4, value: 20 }, { index: 5, value: 'hemolysed' }, { index: 6, value: 500 }, { index: 9, value: 1 },
    ])).toEqual([]);
  });

  it('uses the age/gender band: 25 is critical for a man, not for an adult woman (critical_upper 100); a child band applies to any gender', () => {
    const high = [{ index: 4, value: '25' }];
    expect(criticalParameters(format, ageRanges, adultMale, at, high)).toHaveLength(1);
    expect(criticalParameters(format, ageRanges, adultFemale, at, high)).toEqual([]);
    const [childHigh] = criticalParameters(format, ageRanges, child, at, [{ index: 4, value: 18.5 }]);
    expect(childHigh).toMatchObject({ critical_range: '6 - 18', reference_range: '11 - 14', critical_flag: 'critical_high' });
  });
});
