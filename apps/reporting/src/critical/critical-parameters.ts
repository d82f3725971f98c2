import { AgeRangeDto, CriticalParameterView, ReportParameterDto } from '@labflow/contracts';
import { StoredValue } from '../lab-reports/critical-records.repository';
import { EffectiveRange, effectiveRange, evaluateValue, numericOf, PatientFacts } from '../lab-reports/range-evaluation';

/**
 * seed 001 get_critical_report_params_mapper: the parameters of one report whose value lies outside
 * the patient's critical range. Uses reporting's own range evaluation (the one ingestion used to set
 * criticalValues pending), so the list matches the status. Pure: the caller loads every report of the
 * bill in one batch and calls this per report.
 */
export function criticalParameters(
  format: readonly ReportParameterDto[], ageRanges: readonly AgeRangeDto[], patient: PatientFacts, at: Date, values: readonly StoredValue[],
): CriticalParameterView[] {
  const out: CriticalParameterView[] = [];
  for (const stored of [...values].sort((a, b) => a.index - b.index)) {
    const parameter = format.find((p) => p.index === stored.index);
    if (!parameter) continue;
    const numeric = numericOf(stored.value);
    const range = effectiveRange(parameter, ageRanges, patient, at);
    if (numeric === null || !evaluateValue(numeric, range).critical) continue;
    out.push({
      value: numeric,
      parameter_name: parameter.name,
      reference_range: referenceRange(parameter, range),
      index: stored.index,
      unit: parameter.unit ?? null,
      critical_range: rangeText(range.criticalLower, range.criticalUpper),
      critical_lower: range.criticalLower ?? null,
      critical_upper: range.criticalUpper ?? null,
      critical_flag: range.criticalLower !== undefined && numeric < range.criticalLower ? 'critical_low' : 'critical_high',
    });
  }
  return out;
}

/**
 * The parameter's reference text describes its own bounds; when an age/gender band replaced the bounds
 * without a text of its own, the band's numbers are shown instead of the parameter's stale text.
 */
function referenceRange(parameter: ReportParameterDto, range: EffectiveRange): string {
  const boundsReplaced = range.lower !== parameter.lower || range.upper !== parameter.upper;
  const ownText = range.referenceText === parameter.reference_text;
  if (range.referenceText !== undefined && !(boundsReplaced && ownText)) return range.referenceText;
  return rangeText(range.lower, range.upper);
}

function rangeText(lower?: number, upper?: number): string {
  if (lower !== undefined && upper !== undefined) return `${lower} - ${upper}`;
  if (lower !== undefined) return `> ${lower}`;
  if (upper !== undefined) return `< ${upper}`;
  return '';
}
