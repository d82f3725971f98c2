import { deltaCheck } from './delta-check';

const NOW = '2026-05-25T10:00:00.000Z';
const previous = (numericValue: number, observedAt: string) => ({ index: 4, numericValue, observedAt, labReportId: 50 });

describe('deltaCheck', () => {
  it('passes without a previous result', () => {
    expect(deltaCheck({ mode: 'absolute', limit: 1, lookBackDays: 30 }, 14, NOW, undefined)).toBeNull();
  });

  it('compares the absolute change with the limit', () => {
    const rule = { mode: 'absolute' as const, limit: 2, lookBackDays: 30 };
    expect(deltaCheck(rule, 14, NOW, previous(12, '2026-05-20T10:00:00.000Z'))).toMatchObject({ change: 2, fired: false });
    expect(deltaCheck(rule, 14.5, NOW, previous(12, '2026-05-20T10:00:00.000Z'))).toMatchObject({
      change: 2.5, fired: true, previousValue: 12, previousAt: '2026-05-20T10:00:00.000Z', previousLabReportId: 50, value: 14.5,
    });
  });

  it('compares the percent change against the previous value', () => {
    const rule = { mode: 'percent' as const, limit: 10, lookBackDays: 30 };
    expect(deltaCheck(rule, 11, NOW, previous(10, '2026-05-24T10:00:00.000Z'))).toMatchObject({ change: 10, fired: false });
    expect(deltaCheck(rule, 8.9, NOW, previous(10, '2026-05-24T10:00:00.000Z'))).toMatchObject({ change: 11, fired: true });
    expect(deltaCheck(rule, 1, NOW, previous(0, '2026-05-24T10:00:00.000Z'))?.fired).toBe(true);
    expect(deltaCheck(rule, 0, NOW, previous(0, '2026-05-24T10:00:00.000Z'))?.fired).toBe(false);
  });

  it('divides the change by the days between the results for a rate', () => {
    const rule = { mode: 'rate_per_day' as const, limit: 1, lookBackDays: 30 };
    expect(deltaCheck(rule, 14, NOW, previous(10, '2026-05-21T10:00:00.000Z'))).toMatchObject({ change: 1, fired: false });
    expect(deltaCheck(rule, 14, NOW, previous(10, '2026-05-23T10:00:00.000Z'))).toMatchObject({ change: 2, fired: true });
    // minutes apart count as an hour, not as an enormous rate
    expect(deltaCheck(rule, 10.01, NOW, previous(10, '2026-05-25T09:59:00.000Z'))).toMatchObject({ change: 0.24, fired: false });
  });

  it('ignores a previous result outside the look-back window or not earlier', () => {
    const rule = { mode: 'absolute' as const, limit: 1, lookBackDays: 7 };
    expect(deltaCheck(rule, 20, NOW, previous(10, '2026-05-17T09:59:59.000Z'))).toBeNull();
    expect(deltaCheck(rule, 20, NOW, previous(10, '2026-05-18T10:00:00.000Z'))?.fired).toBe(true);
    expect(deltaCheck(rule, 20, NOW, previous(10, NOW))).toBeNull();
    expect(deltaCheck(rule, 20, NOW, previous(10, '2026-05-26T10:00:00.000Z'))).toBeNull();
  });
});
