import { Hl7Interpretation, HL7_INTERPRETATIONS } from '@labflow/contracts';

/**
 * Beyond seed 002: each raw vendor flag keeps, beside it, its HL7 v2 Table 0078 (FHIR
 * Observation.interpretation) code. A device's own table wins; this default covers common
 * analyzer spellings. Unknown flags normalize to '' (kept raw, never guessed).
 */
const DEFAULT_TABLE: Record<string, Hl7Interpretation> = {
  N: 'N', NORMAL: 'N',
  L: 'L', LOW: 'L', LO: 'L',
  H: 'H', HIGH: 'H', HI: 'H',
  LL: 'LL', CL: 'LL', 'CRITICAL LOW': 'LL', 'PANIC LOW': 'LL', '*L': 'LL',
  HH: 'HH', CH: 'HH', 'CRITICAL HIGH': 'HH', 'PANIC HIGH': 'HH', '*H': 'HH',
  A: 'A', ABN: 'A', ABNORMAL: 'A', '*': 'A',
  AA: 'AA', 'CRITICAL': 'AA', 'CRITICALLY ABNORMAL': 'AA',
  '<': '<', '>': '>', LU: 'LU', HU: 'HU', U: 'U', D: 'D', B: 'B', W: 'W', S: 'S', R: 'R', I: 'I',
  POS: 'POS', POSITIVE: 'POS', NEG: 'NEG', NEGATIVE: 'NEG', IND: 'IND', QCF: 'QCF',
};

const KNOWN = new Set<string>(HL7_INTERPRETATIONS);

export function isHl7Interpretation(code: string): code is Hl7Interpretation {
  return KNOWN.has(code);
}

/** One flag → one code. `H~N` (HL7 repetition separator) takes its first interpretable component. */
export function normalizeFlag(flag: string, deviceTable: Readonly<Record<string, string>> = {}): string {
  const own = deviceTable[flag];
  if (own !== undefined) return own;
  const exact = DEFAULT_TABLE[flag.trim().toUpperCase()];
  if (exact) return exact;
  if (flag.includes('~')) {
    for (const part of flag.split('~')) {
      const code = normalizeFlag(part, deviceTable);
      if (code !== '') return code;
    }
  }
  return '';
}

export function normalizeFlags(flags: readonly string[], deviceTable: Readonly<Record<string, string>> = {}): string[] {
  return flags.map((f) => normalizeFlag(f, deviceTable));
}
