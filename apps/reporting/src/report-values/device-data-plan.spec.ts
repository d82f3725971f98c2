import { DeviceDataReceived, labScopedKey } from '@labflow/contracts';
import { LabReportView } from '../lab-reports/lab-report.repository';
import { StoredTest } from '../lab-reports/test.repository';
import { DeviceDataPlanner } from './device-data-plan';

const LAB = 7;
const test: StoredTest = {
  id: 3, labId: LAB, testName: 'CBC', testType: 'standard' as StoredTest['testType'], documentReport: 1, showDeviceExtraDataInPdf: false,
  departmentId: null, childLabIds: [], revision: 1, updatedAt: new Date(),
  reportData: [
    { index: 4, name: 'Haemoglobin', lower: 12, upper: 16, critical_lower: 7, critical_upper: 20 },
    { index: 5, name: 'RBC', lower: 4, upper: 6 },
    { index: 6, name: 'MCH' },
  ],
  ageRangeData: [],
  calculations: [{ index: 6, expression: '({4} * 10) / {5}', decimals: 1 }],
};
const report = (id: number, over: Partial<LabReportView> = {}): LabReportView => ({
  id, labId: LAB, billId: 1, patientId: 'p1', testId: test.id, sampleId: 'S1', departmentId: null, sampleCollected: 1, dismissed: 0,
  sampleRedrawFlag: 0, criticalValues: 'none', isSigned: 0, signedAt: null, signedBy: null, createdAt: new Date(), documentReport: 1,
  testName: 'CBC', patientName: 'A', dateOfBirth: '1980-01-01', gender: 'female', ...over,
});
const upload = (labReportId: number, values: [index: number, value: number][]): DeviceDataReceived => ({
  resultId: `r-${Math.random()}`, labId: LAB, sampleId: 'S1', deviceId: 9, deviceName: 'XN', labReportIds: [labReportId], testFlags: [],
  values: values.map(([index, v]) => ({ labReportId, testId: test.id, index, testName: `p${index}`, value: String(v), numericValue: v, paramFlags: [], interpretation: [] })),
  receivedAt: '2026-12-02T08:00:00.000Z',
});
const planner = (reports: LabReportView[], numbers: [id: number, [number, number][]][] = []) => new DeviceDataPlanner<string>(
  new Map(reports.map((r) => [labScopedKey(r.labId, r.id), r])), new Map([[labScopedKey(LAB, test.id), test]]),
  new Map(numbers.map(([id, n]) => [labScopedKey(LAB, id), new Map(n)])),
);

describe('DeviceDataPlanner: a batch of uploads planned as if applied one after the other', () => {
  it('computes a calculation from the stored values and the upload', () => {
    const [plan] = planner([report(1)], [[1, [[5, 4]]]]).plan('a', upload(1, [[4, 14]]));
    expect(plan.values.find((v) => v.index === 6)?.numericValue).toBe(35);
  });

  it('lets a later upload of the batch see the values an earlier one left', () => {
    const p = planner([report(1)]);
    const [first] = p.plan('a', upload(1, [[5, 5]]));
    const [second] = p.plan('b', upload(1, [[4, 15]]));
    expect(first.values.map((v) => v.index)).toEqual([5]); // {4} unknown yet: no MCH
    expect(second.values.find((v) => v.index === 6)?.numericValue).toBe(30);
    expect(second.source).toBe('b');
  });

  it('turns criticalValues pending once, and the later uploads of the batch report it as pending', () => {
    const p = planner([report(1)]);
    const [critical] = p.plan('a', upload(1, [[4, 5]]));
    const [normal] = p.plan('b', upload(1, [[4, 13]]));
    expect(critical).toMatchObject({ critical: true, criticalValues: 'pending' });
    expect(normal).toMatchObject({ critical: false, criticalValues: 'pending' });
  });

  it('never overwrites a signed report: its values are planned as not applied, without calculations or critical state', () => {
    const [plan] = planner([report(1, { isSigned: 1 })], [[1, [[5, 4]]]]).plan('a', upload(1, [[4, 5]]));
    expect(plan).toMatchObject({ applied: false, critical: false, criticalValues: 'none' });
    expect(plan.values.map((v) => v.index)).toEqual([4]);
  });

  it('names a report it was not given (deleted, or of another lab)', () => {
    const p = planner([report(1)]);
    expect(p.missingReportOf(upload(1, [[4, 13]]))).toBeNull();
    expect(p.missingReportOf(upload(2, [[4, 13]]))).toBe(2);
    expect(p.missingReportOf({ ...upload(1, [[4, 13]]), labId: LAB + 1 })).toBe(1);
  });

  it('keeps the state it was given unchanged', () => {
    const given = report(1);
    planner([given]).plan('a', upload(1, [[4, 5]]));
    expect(given.criticalValues).toBe('none');
  });
});
