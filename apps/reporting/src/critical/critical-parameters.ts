import { AgeRangeDto, AgeUnit, CriticalParameterView, ReportParameterDto } from '@labflow/contracts';

export interface StoredValue { index: number; value: string; numericValue: number | null }
export interface PatientAtCollection { dateOfBirth: string; gender: string; at: Date }

interface Ranges { lower?: number; upper?: number; referenceText?: string; criticalLower?: number; criticalUpper?: number }

/**
 * seed 001 get_critical_report_params_mapper: the parameters of one report whose value lies outside
 * the critical range, with the patient's age/gender range (seed 002 ageRangeData) taking precedence over
 * the parameter's own. Pure: the caller loads every report of the bill once and calls this per report.
 * A value is critical strictly below critical_lower or strictly above critical_upper.
 */
export function criticalParameters(
  format: ReportParameterDto[], ageRanges: AgeRangeDto[], patient: PatientAtCollection, values: StoredValue[],
): CriticalParameterView[] {
  const out: CriticalParameterView[] = [];
  for (const stored of [...values].sort((a, b) => a.index - b.index)) {
    const parameter = format.find((p) => p.index === stored.index);
    if (!parameter) continue;
    const numeric = stored.numericValue ?? toNumber(stored.value);
    if (numeric === null) continue;
    const r = rangesFor(parameter, ageRanges, patient);
    const low = r.criticalLower !== undefined && numeric < r.criticalLower;
    const high = r.criticalUpper !== undefined && numeric > r.criticalUpper;
    if (!low && !high) continue;
    out.push({
      value: stored.numericValue ?? stored.value,
      parameter_name: parameter.name,
      reference_range: r.referenceText ?? rangeText(r.lower, r.upper),
      index: stored.index,
      unit: parameter.unit ?? null,
      critical_range: rangeText(r.criticalLower, r.criticalUpper),
      critical_lower: r.criticalLower ?? null,
      critical_upper: r.criticalUpper ?? null,
      critical_flag: low ? 'critical_low' : 'critical_high',
    });
  }
  return out;
}

function rangesFor(p: ReportParameterDto, ageRanges: AgeRangeDto[], patient: PatientAtCollection): Ranges {
  const own: Ranges = { lower: p.lower, upper: p.upper, referenceText: p.reference_text, criticalLower: p.critical_lower, criticalUpper: p.critical_upper };
  const matching = ageRanges.filter((a) => a.index === p.index && (a.gender === patient.gender || a.gender === 'any')
    && inBand(a, patient));
  // A gender-specific band is more specific than an 'any' band.
  const band = matching.find((a) => a.gender === patient.gender) ?? matching[0];
  if (!band) return own;
  return {
    lower: band.lower ?? own.lower, upper: band.upper ?? own.upper,
    referenceText: band.reference_text ?? (band.lower !== undefined || band.upper !== undefined ? undefined : own.referenceText),
    criticalLower: band.critical_lower ?? own.criticalLower, criticalUpper: band.critical_upper ?? own.criticalUpper,
  };
}

function inBand(a: AgeRangeDto, patient: PatientAtCollection): boolean {
  const age = ageIn(a.age_unit, new Date(`${patient.dateOfBirth}T00:00:00Z`), patient.at);
  return age >= a.age_from && age < a.age_to;
}

export function ageIn(unit: AgeUnit, born: Date, at: Date): number {
  if (unit === 'days') return Math.floor((at.getTime() - born.getTime()) / 86_400_000);
  let months = (at.getUTCFullYear() - born.getUTCFullYear()) * 12 + (at.getUTCMonth() - born.getUTCMonth());
  if (at.getUTCDate() < born.getUTCDate()) months -= 1;
  return unit === 'months' ? months : Math.floor(months / 12);
}

function toNumber(value: string): number | null {
  const trimmed = value.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

function rangeText(lower?: number, upper?: number): string {
  if (lower !== undefined && upper !== undefined) return `${lower} - ${upper}`;
  if (lower !== undefined) return `> ${lower}`;
  if (upper !== undefined) return `< ${upper}`;
  return '';
}
