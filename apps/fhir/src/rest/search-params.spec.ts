import { DomainError } from '@labflow/platform/handling';
import { FHIR_ERRORS } from '../fhir.errors';
import { dateBounds, referenceId, token, unsupported } from './search-params';

/** The 400 a parser's refusal is answered with. */
const refusal = (parse: () => unknown) => {
  try {
    parse();
  } catch (e) {
    return FHIR_ERRORS.toException(e as DomainError);
  }
  throw new Error('expected a refusal');
};

describe('FHIR search parameters', () => {
  it('reads a date as its precision interval with the prefix applied', () => {
    expect(dateBounds('2026-05-25')).toEqual([{ from: '2026-05-25T00:00:00.000Z', to: '2026-05-26T00:00:00.000Z' }]);
    expect(dateBounds(['ge2026-05', 'lt2027'])).toEqual([{ from: '2026-05-01T00:00:00.000Z', to: null }, { from: null, to: '2027-01-01T00:00:00.000Z' }]);
    expect(dateBounds('gt2026-05-25T08:00Z')).toEqual([{ from: '2026-05-25T08:01:00.000Z', to: null }]);
    expect(dateBounds('le2026')).toEqual([{ from: null, to: '2027-01-01T00:00:00.000Z' }]);
    expect(dateBounds(undefined)).toEqual([]);
  });

  it('refuses what is not a FHIR date or prefix', () => {
    expect(refusal(() => dateBounds('yesterday'))).toMatchObject({ status: 400, code: 'INVALID_SEARCH_PARAMETER' });
    expect(refusal(() => dateBounds('yesterday')).message).toMatch(/^date yesterday is not a FHIR date search value/);
    expect(refusal(() => dateBounds('ne2026')).message).toBe('date prefix ne is not supported');
  });

  it('reads references and tokens', () => {
    expect(referenceId('Patient/abc-1', 'Patient')).toBe('abc-1');
    expect(referenceId('abc-1', 'Patient')).toBe('abc-1');
    expect(refusal(() => referenceId('Patient/a b', 'Patient')).message).toBe('patient must be Patient/<id> or <id>');
    expect(token('http://x|12-4')).toEqual({ system: 'http://x', code: '12-4' });
    expect(token('12-4')).toEqual({ system: null, code: '12-4' });
  });

  it('names the parameters a type does not serve (paging and _include are not search filters)', () => {
    expect(unsupported({ patient: 'p', code: 'x', _count: 2, status: undefined }, ['patient'])).toEqual(['code']);
  });
});
