import { AppliedRange } from '@labflow/contracts';
import { CodeableConcept, Quantity } from './fhir-types';
import { SYSTEMS } from './fhir-codes';
import { ucumCodeOf } from './ucum';

const AGE_UNITS = { years: { code: 'a', unit: 'years' }, months: { code: 'mo', unit: 'months' }, days: { code: 'd', unit: 'days' } } as const;

/** A number in the parameter's unit (UCUM code when the lab's unit maps to one, its text otherwise). */
export function quantity(value: number, unit: string | null): Quantity {
  const q: Quantity = { value };
  if (unit) q.unit = unit;
  const code = ucumCodeOf(unit);
  if (code) {
    q.system = SYSTEMS.ucum;
    q.code = code;
  }
  return q;
}

/**
 * Observation.referenceRange for the range that applied: the normal range (with the age band and
 * gender of the ageRangeData row it came from, when one did) and, beside it, the critical range.
 */
export function referenceRanges(range: AppliedRange | null, unit: string | null): Record<string, unknown>[] {
  if (!range) return [];
  const out: Record<string, unknown>[] = [];
  const normal = bounds(range.lower, range.upper, unit);
  if (normal || range.referenceText) {
    out.push({
      ...normal,
      type: { coding: [{ system: SYSTEMS.referenceRangeMeaning, code: 'normal', display: 'Normal Range' }] },
      ...appliesTo(range),
      ...(range.referenceText ? { text: range.referenceText } : {}),
    });
  }
  const critical = bounds(range.criticalLower, range.criticalUpper, unit);
  if (critical) out.push({ ...critical, type: { text: 'critical' } satisfies CodeableConcept, ...appliesTo(range), text: 'Critical range' });
  return out;
}

function bounds(low: number | undefined, high: number | undefined, unit: string | null): { low?: Quantity; high?: Quantity } | null {
  if (low === undefined && high === undefined) return null;
  return { ...(low !== undefined ? { low: quantity(low, unit) } : {}), ...(high !== undefined ? { high: quantity(high, unit) } : {}) };
}

/** ageRangeData bands are [age_from, age_to): FHIR's age range is inclusive, so high is age_to - 1 of the unit. */
function appliesTo(range: AppliedRange): Record<string, unknown> {
  const band = range.ageBand;
  if (!band) return {};
  const u = AGE_UNITS[band.ageUnit];
  const age = (value: number) => ({ value, unit: u.unit, system: SYSTEMS.ucum, code: u.code });
  return {
    ...(band.gender === 'any' ? {} : { appliesTo: [{ coding: [{ system: SYSTEMS.administrativeGender, code: band.gender }], text: band.gender }] }),
    age: { low: age(band.ageFrom), high: age(Math.max(band.ageFrom, band.ageTo - 1)) },
  };
}
