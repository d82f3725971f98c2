import { AttemptedCalloutView, Principal } from '@labflow/contracts';
import { CriticalReportRow } from '../lab-reports/critical-records.repository';
import { DepartmentScope } from '../lab-reports/department-scope';
import { throughSeam } from '../in-memory-fixtures.fake';
import { failureOf, inMemoryReporting, LAB, labCommand, labUser } from '../in-memory-reporting.fake';
import { CriticalRecordsUseCase } from './critical-records.usecase';

const report = (id: number, overrides: Partial<CriticalReportRow> = {}): CriticalReportRow => ({
  id, bill_id: 12, test_id: 5, department_id: 3, is_signed: 0, critical_values: 'pending', patient_id: 'P-1', doctor_id: 21,
  organization_id: null, test_name: 'CBC', test_type: 'Test', document_report: 0,
  report_data: [{ index: 4, name: 'Haemoglobin', unit: 'g/dL', lower: 12, upper: 16, reference_text: '12 - 16', critical_lower: 7, critical_upper: 20 }],
  age_range_data: [], date_of_birth: '1980-01-01', gender: 'male', collected_at: new Date('2026-05-25T08:00:00Z'), ...overrides,
});

describe('CriticalRecordsUseCase', () => {
  const sut = new CriticalRecordsUseCase();
  function setup() {
    const repositories = inMemoryReporting();
    repositories.criticalRecords.billIds.add(`${LAB}/12`);
    return { repositories, records: repositories.criticalRecords, unit: repositories };
  }

  it('answers 404 BILL_NOT_FOUND for a bill of another lab, reading no reports', async () => {
    const { unit, records } = setup();
    records.billIds.add(`${LAB + 1}/13`);
    records.reports = [report(101, { bill_id: 13 })];
    expect(await failureOf(sut.execute(labCommand({ billId: 13 }), { ...unit, publish: async () => { throw new Error('a read publishes nothing'); } })))
      .toEqual({ status: 404, code: 'BILL_NOT_FOUND', message: 'Bill not found' });
    expect(records.scopes).toEqual([]);
  });

  it('lists the reports with critical parameters and the bill\'s draft, excluding reports without any', async () => {
    const { repositories, records } = setup();
    records.reports = [report(101), report(102, { test_id: 6, test_name: 'LFT' })];
    records.values.set(101, [{ index: 4, value: '6.5' }]);
    records.values.set(102, [{ index: 4, value: 13 }]);
    const draft: AttemptedCalloutView = {
      recipients: ['Doctor'], critical_callout_comment: null, critical_values_meta: {}, critical_callout_meta: { communication_methods: ['phone'], callout_for: [101] },
    };
    records.draft = draft;

    const { reply } = await throughSeam(sut, { principal: labUser(), input: { billId: 12 } }, repositories);

    const body = reply?.ok ? reply.body as { reports: { critical_parameters: unknown[]; lab_report: unknown }[]; attempted_callout: unknown } : null;
    expect(reply).toMatchObject({ ok: true, status: 200 });
    expect(body?.reports).toHaveLength(1);
    expect(body?.reports[0].critical_parameters).toEqual([expect.objectContaining({ index: 4, value: 6.5, critical_flag: 'critical_low' })]);
    expect(body?.reports[0].lab_report).toMatchObject({ labReportId: 101, billId: 12, criticalValues: 'pending', reportID: expect.objectContaining({ testID: 5 }) });
    expect(body?.attempted_callout).toEqual(draft);
  });

  it('answers an empty draft object when the bill has no draft', async () => {
    const { repositories } = setup();
    const { reply } = await throughSeam(sut, { principal: labUser(), input: { billId: 12 } }, repositories);
    expect(reply).toEqual({ ok: true, status: 200, body: { reports: [], attempted_callout: {} } });
  });

  it.each<[string, Partial<Principal>, DepartmentScope]>([
    ['a lab user with session departments', { departmentDataType: 0, departmentIds: [3, 4] }, { kind: 'departments', departmentIds: [3, 4] }],
    ['a lab user with the user relation', { departmentDataType: 1 }, { kind: 'user-relation', userId: '7' }],
    ['a referring doctor (bills assigned to them)', { loginType: 'doctor', docType: 2, sub: '21' }, { kind: 'bill-doctor', doctorId: 21 }],
  ])('scopes the reports of %s', async (_who, who, scope) => {
    const { repositories, records } = setup();
    await throughSeam(sut, { principal: labUser(who), input: { billId: 12 } }, repositories);
    expect(records.scopes).toEqual([scope]);
  });

  it('rejects a bill id that is not a positive integer with 400, before any read', async () => {
    const { repositories, records } = setup();
    await expect(throughSeam(sut, { principal: labUser(), input: { billId: 0 } }, repositories)).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(records.scopes).toEqual([]);
  });
});
