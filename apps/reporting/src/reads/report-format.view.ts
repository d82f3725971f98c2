import { StoredTest } from '../lab-reports/test.repository';
import { effectiveRange, PatientFacts } from '../lab-reports/range-evaluation';

/** reportFormat rows of the reads: each parameter with the range that applies to this patient. */
export function reportFormatView(test: StoredTest, patient: PatientFacts, at: Date): Record<string, unknown>[] {
  return test.reportData.map((p) => {
    const range = effectiveRange(p, test.ageRangeData, patient, at);
    return {
      ...p, testId: test.id, testName: test.testName, document_report: test.documentReport,
      effective_lower: range.lower ?? null, effective_upper: range.upper ?? null,
      effective_critical_lower: range.criticalLower ?? null, effective_critical_upper: range.criticalUpper ?? null,
      effective_reference_text: range.referenceText ?? null,
      calculated: test.calculations.some((c) => c.index === p.index),
    };
  });
}

export function calculationView(test: StoredTest): Record<string, unknown>[] {
  return test.calculations.map((c) => ({ ...c, testId: test.id }));
}
