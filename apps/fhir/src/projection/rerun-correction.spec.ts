import { RerunConfirmed } from '@labflow/contracts';
import { observation } from '../mapping/fixtures';
import { rerunCorrections } from './rerun-correction';

function confirmed(overrides: Partial<RerunConfirmed> = {}): RerunConfirmed {
  return {
    labId: 1, labReportId: 501, lifecycleEpoch: 1, sequence: 3, confirmedBy: '7', confirmedAt: '2026-05-25T10:00:00.000Z',
    confirmed: [{ index: 4, value: '13.4', choice: 'rerun', chosenRerunNumber: 1 }, { index: 5, value: '4.9', choice: 'original' }],
    originalValues: [{ index: 4, value: '110.12' }, { index: 5, value: '4.9' }],
    rerunValues: [{ id: 'r1', index: 4, value: '13.4', parameterName: 'Haemoglobin', rerunNumber: 1, rerunType: 'manual_rerun', deviceId: '42', deviceName: 'Sysmex', createdAt: '2026-05-25T09:30:00.000Z' }],
    ...overrides,
  };
}

describe('rerun corrections', () => {
  it('corrects a replaced value: new value, the original kept, judged against the original range, no analyzer flags', () => {
    const [sut, ...rest] = rerunCorrections(confirmed(), new Map([[4, observation()]]));
    expect(rest).toEqual([]);
    expect(sut).toMatchObject({
      index: 4, value: '13.4', numericValue: 13.4, abnormal: false, critical: false, paramFlags: [], interpretation: [],
      replacedValue: '110.12', change: 'corrected', deviceId: 42, issuedAt: '2026-05-25T10:00:00.000Z',
      referenceRange: observation().referenceRange,
    });
  });

  it('amends where the report had no value, and ignores a value confirmed unchanged', () => {
    const sut = rerunCorrections(confirmed({
      confirmed: [{ index: 7, value: 'Positive', choice: 'entered' }, { index: 4, value: '110.12', choice: 'entered' }], originalValues: [{ index: 4, value: '110.12' }],
    }), new Map());
    expect(sut).toHaveLength(1);
    expect(sut[0]).toMatchObject({ index: 7, numericValue: null, change: 'amended', replacedValue: null, deviceId: null });
  });
});
