import { AgeRangeDto, AgeUnit, ReportParameterDto } from '@labflow/contracts';

export interface PatientFacts { dateOfBirth: string; gender: string }

export interface EffectiveRange {
  lower?: number;
  upper?: number;
  criticalLower?: number;
  criticalUpper?: number;
  referenceText?: string;
}

export interface ValueEvaluation { abnormal: boolean; critical: boolean }

/** Completed age in `unit` at `at` (a birthday not reached yet does not count). */
export function ageIn(unit: AgeUnit, dateOfBirth: string, at: Date): number {
  const dob = new Date(`${dateOfBirth}T00:00:00.000Z`);
  if (unit === 'days') return Math.floor((at.getTime() - dob.getTime()) / 86_400_000);
  let months = (at.getUTCFullYear() - dob.getUTCFullYear()) * 12 + (at.getUTCMonth() - dob.getUTCMonth());
  if (at.getUTCDate() < dob.getUTCDate()) months -= 1;
  return unit === 'months' ? months : Math.floor(months / 12);
}

/**
 * The ranges that apply to this patient: the most specific ageRangeData row (gender match beats
 * `any`) whose [age_from, age_to) band holds the patient's age, else the parameter's own ranges.
 * A row overrides only the bounds it sets.
 */
export function effectiveRange(parameter: ReportParameterDto, ageRanges: readonly AgeRangeDto[], patient: PatientFacts, at: Date): EffectiveRange {
  const base: EffectiveRange = {
    lower: parameter.lower, upper: parameter.upper, criticalLower: parameter.critical_lower,
    criticalUpper: parameter.critical_upper, referenceText: parameter.reference_text,
  };
  const row = applicableAgeRange(parameter, ageRanges, patient, at);
  if (!row) return base;
  return {
    lower: row.lower ?? base.lower, upper: row.upper ?? base.upper,
    criticalLower: row.critical_lower ?? base.criticalLower, criticalUpper: row.critical_upper ?? base.criticalUpper,
    referenceText: row.reference_text ?? base.referenceText,
  };
}

/** The ageRangeData row effectiveRange applies (null: the parameter's own ranges). */
export function applicableAgeRange(parameter: ReportParameterDto, ageRanges: readonly AgeRangeDto[], patient: PatientFacts, at: Date): AgeRangeDto | null {
  const candidates = ageRanges.filter((r) => r.index === parameter.index && (r.gender === 'any' || r.gender === patient.gender))
    .filter((r) => {
      const age = ageIn(r.age_unit, patient.dateOfBirth, at);
      return age >= r.age_from && age < r.age_to;
    })
    .sort((a, b) => (a.gender === 'any' ? 1 : 0) - (b.gender === 'any' ? 1 : 0));
  return candidates[0] ?? null;
}

/** A non-numeric value is never judged abnormal or critical here (qualitative results need a person). */
export function evaluateValue(value: number | null, range: EffectiveRange): ValueEvaluation {
  if (value === null || !Number.isFinite(value)) return { abnormal: false, critical: false };
  const below = (bound: number | undefined) => bound !== undefined && value < bound;
  const above = (bound: number | undefined) => bound !== undefined && value > bound;
  return {
    abnormal: below(range.lower) || above(range.upper),
    critical: below(range.criticalLower) || above(range.criticalUpper),
  };
}

/** A stored raw value as a number when it is one ("110.12" → 110.12; "Positive" → null). */
export function numericOf(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !/^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) return null;
  return Number(value);
}
