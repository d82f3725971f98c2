import { normalizeFlag, normalizeFlags } from './flag-normalization';

describe('flag normalization (HL7 Table 0078)', () => {
  it('maps common vendor spellings by default', () => {
    expect(normalizeFlags(['H', 'low', 'Panic High', 'CL', 'N', 'ABN', 'POS', '<'])).toEqual(['H', 'L', 'HH', 'LL', 'N', 'A', 'POS', '<']);
  });

  it('takes the first interpretable component of a repeated flag (seed 002 "H~N")', () => {
    expect(normalizeFlag('H~N')).toBe('H');
    expect(normalizeFlag('P1~L')).toBe('L');
  });

  it('keeps an unknown flag uninterpreted rather than guessing', () => {
    expect(normalizeFlags(['P1', 'DUMMY TEST FLAG1'])).toEqual(['', '']);
  });

  it('lets the device table win over the default', () => {
    expect(normalizeFlag('H', { H: 'HH' })).toBe('HH');
    expect(normalizeFlag('P1', { P1: 'A' })).toBe('A');
    expect(normalizeFlag('H~N', { N: 'N' })).toBe('H');
  });
});
