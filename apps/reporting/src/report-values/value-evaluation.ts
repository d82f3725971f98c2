import { ReportValueUpdate } from '@labflow/contracts';
import { evaluateExpression, parseExpression } from '../report-formats/calculation-expression';
import { StoredTest } from '../report-formats/test.repository';
import { effectiveRange, evaluateValue, numericOf, PatientFacts } from '../ranges/range-evaluation';

export interface IncomingValue { index: number; raw: number | string; paramFlags: string[]; interpretation: string[] }

/** Judges each value against the patient's effective range (age/gender-aware ageRangeData). */
export function evaluateValues(test: StoredTest, patient: PatientFacts, at: Date, values: readonly IncomingValue[]): ReportValueUpdate[] {
  return values.map((v) => {
    const parameter = test.reportData.find((p) => p.index === v.index);
    const numeric = numericOf(v.raw);
    const judged = parameter ? evaluateValue(numeric, effectiveRange(parameter, test.ageRangeData, patient, at)) : { abnormal: false, critical: false };
    return {
      index: v.index, value: String(v.raw), numericValue: numeric ?? undefined, ...judged,
      paramFlags: v.paramFlags, interpretation: v.interpretation,
    };
  });
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
