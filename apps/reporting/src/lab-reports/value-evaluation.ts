import { AppliedRange, ReportValueUpdate } from '@labflow/contracts';
import { evaluateExpression, parseExpression } from './calculation-expression';
import { StoredTest } from './test.repository';
import { applicableAgeRange, effectiveRange, evaluateValue, numericOf, PatientFacts } from './range-evaluation';

export interface IncomingValue { index: number; raw: number | string; paramFlags: string[]; interpretation: string[] }

/** Judges each value against the patient's effective range (age/gender-aware ageRangeData) and says which range applied. */
export function evaluateValues(test: StoredTest, patient: PatientFacts, at: Date, values: readonly IncomingValue[]): ReportValueUpdate[] {
  return values.map((v) => {
    const parameter = test.reportData.find((p) => p.index === v.index);
    const numeric = numericOf(v.raw);
    const range = parameter ? effectiveRange(parameter, test.ageRangeData, patient, at) : null;
    const judged = range ? evaluateValue(numeric, range) : { abnormal: false, critical: false };
    const band = parameter ? applicableAgeRange(parameter, test.ageRangeData, patient, at) : null;
    const referenceRange = range ? appliedRange(range, band) : undefined;
    return {
      index: v.index, value: String(v.raw), numericValue: numeric ?? undefined, ...judged,
      paramFlags: v.paramFlags, interpretation: v.interpretation, ...(referenceRange ? { referenceRange } : {}),
    };
  });
}

/** The range as report.values_updated carries it; undefined when the parameter has no bound at all. */
function appliedRange(range: ReturnType<typeof effectiveRange>, band: ReturnType<typeof applicableAgeRange>): AppliedRange | undefined {
  const out: AppliedRange = {};
  if (range.lower !== undefined) out.lower = range.lower;
  if (range.upper !== undefined) out.upper = range.upper;
  if (range.criticalLower !== undefined) out.criticalLower = range.criticalLower;
  if (range.criticalUpper !== undefined) out.criticalUpper = range.criticalUpper;
  if (range.referenceText !== undefined) out.referenceText = range.referenceText;
  if (Object.keys(out).length === 0) return undefined;
  if (band) out.ageBand = { gender: band.gender, ageFrom: band.age_from, ageTo: band.age_to, ageUnit: band.age_unit };
  return out;
}

/** Calculated parameters (report format `calculations`) from the report's current numeric values. */
export function calculatedValues(test: StoredTest, current: ReadonlyMap<number, number>): IncomingValue[] {
  const out: IncomingValue[] = [];
  const known = new Map(current);
  for (const c of test.calculations) {
    const result = evaluateExpression(parseExpression(c.expression), known);
    if (result === null) continue;
    const rounded = c.decimals === undefined ? result : Number(result.toFixed(c.decimals));
    known.set(c.index, rounded);
    out.push({ index: c.index, raw: rounded, paramFlags: [], interpretation: [] });
  }
  return out;
}
