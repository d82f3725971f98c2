import { ReportValuesUpdated } from '@labflow/contracts';
import { EvaluatedValue } from '../rules/decision';

/** An update's values as the rules read them, each with the device and time it came with. */
export function evaluatedValuesOf(e: ReportValuesUpdated): EvaluatedValue[] {
  return e.values.map((v) => ({
    index: v.index, value: v.value, numericValue: v.numericValue ?? null, abnormal: v.abnormal, critical: v.critical,
    paramFlags: v.paramFlags, interpretation: v.interpretation, deviceId: e.deviceId ?? null, observedAt: e.updatedAt,
  }));
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
    s.testFlags, s.values.map(({ observedAt: _at, ...v }) => [v.index, v.value, v.numericValue, v.abnormal, v.critical, v.paramFlags, v.interpretation, v.deviceId]),
  ]);
  return key(before) !== key(after);
}
