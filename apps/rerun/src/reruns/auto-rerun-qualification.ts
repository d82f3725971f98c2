import { LabReportRerunContext, RerunAgeRange, RerunParameterRule } from '@labflow/contracts';

interface Ranges {
  lower: number | null;
  upper: number | null;
  criticalLower: number | null;
  criticalUpper: number | null;
}

const NUMERIC = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** seed 000 §6: only numbers can be compared with a range; qualitative results never qualify. */
export function numericValueOf(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  return NUMERIC.test(trimmed) ? Number(trimmed) : null;
}

/** Whole days, months or years lived at `at` (a birthday counts on its day). */
export function ageIn(unit: RerunAgeRange['ageUnit'], dateOfBirth: string, at: Date): number {
  const dob = new Date(`${dateOfBirth.slice(0, 10)}T00:00:00Z`);
  if (unit === 'days') return Math.floor((at.getTime() - dob.getTime()) / 86_400_000);
  let months = (at.getUTCFullYear() - dob.getUTCFullYear()) * 12 + (at.getUTCMonth() - dob.getUTCMonth());
  if (at.getUTCDate() < dob.getUTCDate()) months -= 1;
  return unit === 'months' ? months : Math.floor(months / 12);
}

/** The parameter's ranges for this patient: an age band of their gender first, then one for any gender. */
export function rangesFor(rule: RerunParameterRule, context: LabReportRerunContext, at: Date): Ranges {
  const gender = context.patient.gender.toLowerCase();
  const bands = context.ageRanges.filter((a) => a.index === rule.index && (a.gender === gender || a.gender === 'any'))
    .filter((a) => {
      const age = ageIn(a.ageUnit, context.patient.dateOfBirth, at);
      return age >= a.ageFrom && age < a.ageTo; // age_to is exclusive (report-format contract)
    })
    .sort((a, b) => (a.gender === 'any' ? 1 : 0) - (b.gender === 'any' ? 1 : 0));
  const band = bands[0];
  return {
    lower: band?.lower ?? rule.lower, upper: band?.upper ?? rule.upper,
    criticalLower: band?.criticalLower ?? rule.criticalLower, criticalUpper: band?.criticalUpper ?? rule.criticalUpper,
  };
}

const outside = (v: number, low: number | null, high: number | null): boolean => (low !== null && v < low) || (high !== null && v > high);

/** seed 000 §6 `get_auto_rerun_qualified_indices()`: each value against its parameter's condition. */
export function qualifiedIndexes(context: LabReportRerunContext, values: { index: number; value: string | number }[], at = new Date()): number[] {
  const qualified: number[] = [];
  for (const { index, value } of values) {
    const rule = context.parameters.find((p) => p.index === index && p.autoRerunAllowed);
    const numeric = numericValueOf(value);
    if (!rule || !rule.autoRerunCondition || numeric === null) continue;
    const ranges = rangesFor(rule, context, at);
    const condition = rule.autoRerunCondition;
    const hit = condition === 'abnormal' ? outside(numeric, ranges.lower, ranges.upper)
      : condition === 'critical' ? outside(numeric, ranges.criticalLower, ranges.criticalUpper)
        : outside(numeric, rule.autoRerunLower, rule.autoRerunUpper);
    if (hit && !qualified.includes(index)) qualified.push(index);
  }
  return qualified.sort((a, b) => a - b);
}
