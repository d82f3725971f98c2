import { HL7_INTERPRETATIONS } from '@labflow/contracts';
import { CodeableConcept, Extension } from './fhir-types';
import { EXTENSIONS, SYSTEMS } from './fhir-codes';
import { ObservationState } from './read-model';

const KNOWN = new Set<string>(HL7_INTERPRETATIONS);
const CRITICAL = new Set(['LL', 'HH', 'AA']);

/**
 * Observation.interpretation: the analyzer's flags normalized to HL7 Table 0078, which are the codes of
 * v3 ObservationInterpretation (same code, same meaning), in flag order without repeats. LabFlow's own
 * judgement against the range that applied is added when the analyzer sent none, or when the value is
 * critical and no analyzer flag says so: a critical value always carries LL, HH or AA.
 */
export function interpretationCodes(o: Pick<ObservationState, 'interpretation' | 'abnormal' | 'critical' | 'numericValue' | 'referenceRange'>): string[] {
  const codes = [...new Set(o.interpretation.filter((c) => KNOWN.has(c)))];
  const own = judgedCode(o);
  if (own && !codes.includes(own) && (codes.length === 0 || (CRITICAL.has(own) && !codes.some((c) => CRITICAL.has(c))))) codes.push(own);
  return codes;
}

/** The lab's judgement: LL/HH/AA critical, L/H/A abnormal, N inside a range; null without a range or a number. */
export function judgedCode(o: Pick<ObservationState, 'abnormal' | 'critical' | 'numericValue' | 'referenceRange'>): string | null {
  const r = o.referenceRange;
  const v = o.numericValue;
  if (v === null || !r) return null;
  if (o.critical) {
    if (r.criticalLower !== undefined && v < r.criticalLower) return 'LL';
    if (r.criticalUpper !== undefined && v > r.criticalUpper) return 'HH';
    return 'AA';
  }
  if (o.abnormal) {
    if (r.lower !== undefined && v < r.lower) return 'L';
    if (r.upper !== undefined && v > r.upper) return 'H';
    return 'A';
  }
  return r.lower !== undefined || r.upper !== undefined ? 'N' : null;
}

export function interpretationConcepts(codes: string[]): CodeableConcept[] {
  return codes.map((code) => ({ coding: [{ system: SYSTEMS.interpretation, code }] }));
}

export function machineFlagExtensions(flags: readonly string[]): Extension[] {
  return flags.filter((f) => f.length > 0).map((f) => ({ url: EXTENSIONS.machineFlag, valueString: f }));
}

/** A rerun value has no analyzer flags; it is judged against the range the original value had. */
export function judgeAgainst(numericValue: number | null, range: ObservationState['referenceRange']): { abnormal: boolean; critical: boolean } {
  if (numericValue === null || !range) return { abnormal: false, critical: false };
  const below = (b?: number) => b !== undefined && numericValue < b;
  const above = (b?: number) => b !== undefined && numericValue > b;
  return {
    abnormal: below(range.lower) || above(range.upper),
    critical: below(range.criticalLower) || above(range.criticalUpper),
  };
}
