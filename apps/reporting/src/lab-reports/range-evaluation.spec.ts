import { AgeRangeDto, ReportParameterDto } from '@labflow/contracts';
import { ageIn, applicableAgeRange, effectiveRange, evaluateValue, numericOf } from './range-evaluation';

const hb: ReportParameterDto = { index: 4, name: 'Haemoglobin', lower: 12, upper: 16, critical_lower: 7, critical_upper: 20 };
const ageRanges: AgeRangeDto[] = [
  { index: 4, gender: 'female', age_from: 18, age_to: 120, age_unit: 'years', upper: 15.5, critical_upper: 100 },
  { index: 4, gender: 'any', age_from: 0, age_to: 18, age_unit: 'years', lower: 11, upper: 14, critical_lower: 6, critical_upper: 18 },
  { index: 4, gender: 'any', age_from: 0, age_to: 30, age_unit: 'days', critical_upper: 25 },
];
const at = new Date('2026-05-25T08:00:00.000Z');

describe('range evaluation', () => {
  it('computes completed ages', () => {
    expect(ageIn('years', '1984-02-29', at)).toBe(42);
    expect(ageIn('years', '2008-05-26', at)).toBe(17);
    expect(ageIn('months', '2026-01-31', at)).toBe(3);
    expect(ageIn('days', '2026-05-20', at)).toBe(5);
  });

  it('uses the gender-specific adult band over the default and keeps unset bounds', () => {
    expect(effectiveRange(hb, ageRanges, { dateOfBirth: '1984-02-29', gender: 'female' }, at))
      .toEqual({ lower: 12, upper: 15.5, criticalLower: 7, criticalUpper: 100, referenceText: undefined });
    expect(effectiveRange(hb, ageRanges, { dateOfBirth: '1984-02-29', gender: 'male' }, at))
      .toEqual({ lower: 12, upper: 16, criticalLower: 7, criticalUpper: 20, referenceText: undefined });
  });

  it('names the ageRangeData row that applied (none for an adult male: the parameter\'s own ranges)', () => {
    expect(applicableAgeRange(hb, ageRanges, { dateOfBirth: '1984-02-29', gender: 'female' }, at)).toBe(ageRanges[0]);
    expect(applicableAgeRange(hb, ageRanges, { dateOfBirth: '2010-01-01', gender: 'female' }, at)).toBe(ageRanges[1]);
    expect(applicableAgeRange(hb, ageRanges, { dateOfBirth: '1984-02-29', gender: 'male' }, at)).toBeNull();
  });

  it('prefers a gender match over "any" and applies a child band to both genders', () => {
    const child = effectiveRange(hb, ageRanges, { dateOfBirth: '2010-01-01', gender: 'male' }, at);
    expect(child).toMatchObject({ lower: 11, upper: 14, criticalLower: 6, criticalUpper: 18 });
  });

  it('judges abnormal and critical values by the effective range', () => {
    const male = effectiveRange(hb, ageRanges, { dateOfBirth: '1984-02-29', gender: 'male' }, at);
    expect(evaluateValue(14, male)).toEqual({ abnormal: false, critical: false });
    expect(evaluateValue(17, male)).toEqual({ abnormal: true, critical: false });
    expect(evaluateValue(110.12, male)).toEqual({ abnormal: true, critical: true });
    expect(evaluateValue(6.9, male)).toEqual({ abnormal: true, critical: true });
    const female = effectiveRange(hb, ageRanges, { dateOfBirth: '1984-02-29', gender: 'female' }, at);
    expect(evaluateValue(90, female)).toEqual({ abnormal: true, critical: false });
    expect(evaluateValue(null, male)).toEqual({ abnormal: false, critical: false });
  });

  it('reads numbers out of raw values', () => {
    expect(numericOf('110.12')).toBe(110.12);
    expect(numericOf(' -3 ')).toBe(-3);
    expect(numericOf('Positive')).toBeNull();
    expect(numericOf('1e5')).toBeNull();
    expect(numericOf(7)).toBe(7);
  });
});
