import { AppliedRange, ReportValuesUpdated } from '@labflow/contracts';
import { EvaluatedValue, PatientRange } from '../rules/decision';

/** An update's values as the rules read them, each with the device and time it came with. */
export function evaluatedValuesOf(e: ReportValuesUpdated): EvaluatedValue[] {
  return e.values.map((v) => ({
    index: v.index, value: v.value, numericValue: v.numericValue ?? null, abnormal: v.abnormal, critical: v.critical,
    paramFlags: v.paramFlags, interpretation: v.interpretation, deviceId: e.deviceId ?? null, observedAt: e.updatedAt,
    range: patientRangeOf(v.referenceRange),
  }));
}

/** The range reporting applied for the patient's age and gender (null: the parameter has no bound). */
function patientRangeOf(r: AppliedRange | undefined): PatientRange | null {
  if (!r) return null;
  const band = r.ageBand ? { gender: r.ageBand.gender, ageFrom: r.ageBand.ageFrom, ageTo: r.ageBand.ageTo, ageUnit: r.ageBand.ageUnit } : null;
  return { lower: r.lower ?? null, upper: r.upper ?? null, criticalLower: r.criticalLower ?? null, criticalUpper: r.criticalUpper ?? null, ageBand: band };
}

/** The report's values after an update: the update's replace those of their index, the others stay. */
export function mergeValues(current: EvaluatedValue[], update: EvaluatedValue[]): EvaluatedValue[] {
  const byIndex = new Map(current.map((v) => [v.index, v]));
  for (const v of update) byIndex.set(v.index, v);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** Whether anything a rule reads changed (the time of arrival alone does not). */
export function valuesChanged(before: { values: EvaluatedValue[]; testFlags: string[] }, after: { values: EvaluatedValue[]; testFlags: string[] }): boolean {
  const key = (s: { values: EvaluatedValue[]; testFlags: string[] }) => JSON.stringify([
    s.testFlags, s.values.map(({ observedAt: _at, ...v }) => [v.index, v.value, v.numericValue, v.abnormal, v.critical, v.paramFlags, v.interpretation, v.deviceId, rangeKey(v.range)]),
  ]);
  return key(before) !== key(after);
}

/** A range as a fixed-order list: the stored state comes back from jsonb with its keys reordered. */
function rangeKey(r: PatientRange | null | undefined): unknown[] | null {
  if (!r) return null;
  const band = r.ageBand ? [r.ageBand.gender, r.ageBand.ageFrom, r.ageBand.ageTo, r.ageBand.ageUnit] : null;
  return [r.lower, r.upper, r.criticalLower, r.criticalUpper, band];
}
