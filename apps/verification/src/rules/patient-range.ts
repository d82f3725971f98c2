import { EvaluatedValue, FiredRule, PatientRange } from './decision';

/**
 * The reference and critical rules judge a value against the range reporting applied for the
 * patient's age and gender (report.values_updated carries it, with the ageRangeData band it came
 * from); a value that came without one (an older event) falls back to reporting's own flag.
 */
export function referenceRangeFired(value: EvaluatedValue): FiredRule | null {
  const range = value.range ?? null;
  const outside = range ? outsideBounds(value.numericValue, range.lower, range.upper) : value.abnormal;
  if (!outside) return null;
  return { rule: 'reference_range', inputs: { value: value.value, abnormal: value.abnormal, range: bounds(range, range?.lower, range?.upper) } };
}

export function criticalFired(value: EvaluatedValue): FiredRule | null {
  const range = value.range ?? null;
  const outside = range ? outsideBounds(value.numericValue, range.criticalLower, range.criticalUpper) : value.critical;
  if (!outside) return null;
  return { rule: 'critical', inputs: { value: value.value, critical: value.critical, criticalRange: bounds(range, range?.criticalLower, range?.criticalUpper) } };
}

function outsideBounds(value: number | null, lower: number | null | undefined, upper: number | null | undefined): boolean {
  if (value === null) return false;
  return (lower != null && value < lower) || (upper != null && value > upper);
}

/** What the rule saw: the bounds and whose they are (`ageBand` null: the parameter's own range). */
function bounds(range: PatientRange | null, lower: number | null | undefined, upper: number | null | undefined): Record<string, unknown> | null {
  if (!range) return null;
  return { lower: lower ?? null, upper: upper ?? null, ageBand: range.ageBand };
}
