import { validatePayload } from '../topic';
import { ReportValuesUpdated } from './report.events';

const payload = (criticalValues: string) => ({
  eventId: '7b0c1f9e-2f4e-4c59-9d55-1f0b8a1e2c3d', labId: 100, labReportId: 7, billId: 3, testId: 2, sampleId: 'S-1', patientId: 'P-1',
  source: 'device', documentReport: 0, applied: true, testFlags: [], values: [], criticalValues, updatedAt: '2026-12-07T10:00:00.000Z',
});

describe('report.values_updated criticalValues', () => {
  it.each(['none', 'pending', 'attempted', 'done'])('carries a report whose callout state is %s (seed 001)', (state) => {
    const { problems } = validatePayload(ReportValuesUpdated, payload(state));
    expect(problems.filter((p) => p.startsWith('criticalValues'))).toEqual([]);
  });

  it('refuses a state seed 001 does not have', () => {
    const { problems } = validatePayload(ReportValuesUpdated, payload('called'));
    expect(problems.some((p) => p.startsWith('criticalValues'))).toBe(true);
  });
});
