import { AttemptedCalloutView, CommandRequest, Principal, systemPrincipal } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { StoredValue } from './critical-parameters';
import { CriticalRecordsRepository, CriticalReportRow } from './critical-records.repository';
import { CriticalRecordsUseCase } from './critical-records.usecase';
import { DepartmentScope } from './department-scope';

const LAB = 71;

const report = (id: number, overrides: Partial<CriticalReportRow> = {}): CriticalReportRow => ({
  id, bill_id: 12, test_id: 5, department_id: 3, is_signed: 0, critical_values: 'pending', patient_id: 'P-1', doctor_id: 21,
  organization_id: null, test_name: 'CBC', test_type: 'Test', document_report: 0,
  report_data: [{ index: 4, name: 'Haemoglobin', unit: 'g/dL', lower: 12, upper: 16, reference_text: '12 - 16', critical_lower: 7, critical_upper: 20 }],
  age_range_data: [], date_of_birth: '1980-01-01', gender: 'male', collected_at: new Date('2026-05-25T08:00:00Z'), ...overrides,
});

/** Canned rows per lab and bill; records what it was asked. */
class FakeRecords {
  readonly bills = new Set<string>();
  reports: CriticalReportRow[] = [];
  readonly values = new Map<number, StoredValue[]>();
  draft: AttemptedCalloutView | null = null;
  readonly calls: { method: string; args: unknown[] }[] = [];

  async billExists(labId: number, billId: number): Promise<boolean> {
    this.calls.push({ method: 'billExists', args: [labId, billId] });
    return this.bills.has(`${labId}/${billId}`);
  }

  async criticalReports(labId: number, billId: number, scope: DepartmentScope): Promise<CriticalReportRow[]> {
    this.calls.push({ method: 'criticalReports', args: [labId, billId, scope] });
    return this.reports;
  }

  async valuesOf(labId: number, rows: CriticalReportRow[]): Promise<Map<number, StoredValue[]>> {
    this.calls.push({ method: 'valuesOf', args: [labId, rows.map((r) => r.id)] });
    return new Map(rows.filter((r) => this.values.has(r.id)).map((r) => [r.id, this.values.get(r.id) as StoredValue[]]));
  }

  async draftOf(labId: number, billId: number): Promise<AttemptedCalloutView | null> {
    this.calls.push({ method: 'draftOf', args: [labId, billId] });
    return this.draft;
  }
}

const labUser = (who: Partial<Principal> = {}): Principal =>
  ({ ...systemPrincipal(LAB), sub: '7', loginType: 'lab_user', name: 'Dr. Smith', departmentDataType: null, ...who });

const request = (principal: Principal, billId: unknown = 12): CommandRequest => ({ principal, input: { billId } });

async function failureOf(promise: Promise<unknown>): Promise<DomainException> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainException)) throw new Error(`expected a DomainException, got ${String(error)}`);
  return error;
}

describe('CriticalRecordsUseCase', () => {
  function setup() {
    const records = new FakeRecords();
    records.bills.add(`${LAB}/12`);
    return { records, sut: new CriticalRecordsUseCase(records as unknown as CriticalRecordsRepository) };
  }

  it('answers 404 BILL_NOT_FOUND for a bill the caller\'s lab does not have, reading nothing more', async () => {
    const { sut, records } = setup();
    records.bills.add(`${LAB + 1}/13`);

    const error = await failureOf(sut.execute(request(labUser(), 13)));

    expect(error).toMatchObject({ status: 404, code: 'BILL_NOT_FOUND', message: 'Bill not found' });
    expect(records.calls).toEqual([{ method: 'billExists', args: [LAB, 13] }]);
  });

  it('lists the reports with critical parameters and the bill\'s draft, excluding reports without any', async () => {
    const { sut, records } = setup();
    records.reports = [report(101), report(102, { test_id: 6, test_name: 'LFT' })];
    records.values.set(101, [{ index: 4, value: '6.5' }]);
    records.values.set(102, [{ index: 4, value: 13 }]);
    const draft: AttemptedCalloutView = {
      recipients: ['Doctor'], critical_callout_comment: null, critical_values_meta: {}, critical_callout_meta: { communication_methods: ['phone'], callout_for: [101] },
    };
    records.draft = draft;

    const result = await sut.execute(request(labUser()));

    expect(result.reports).toHaveLength(1);
    expect(result.reports[0].critical_parameters).toEqual([expect.objectContaining({ index: 4, value: 6.5, critical_flag: 'critical_low' })]);
    expect(result.reports[0].lab_report).toMatchObject({ labReportId: 101, billId: 12, criticalValues: 'pending', reportID: expect.objectContaining({ testID: 5 }) });
    expect(result.attempted_callout).toEqual(draft);
    expect(records.calls.map((c) => c.args[0])).toEqual([LAB, LAB, LAB, LAB]);
  });

  it('answers an empty draft object when the bill has no draft', async () => {
    const { sut } = setup();
    expect(await sut.execute(request(labUser()))).toEqual({ reports: [], attempted_callout: {} });
  });

  it.each<[string, Partial<Principal>, DepartmentScope]>([
    ['a lab user with session departments', { departmentDataType: 0, departmentIds: [3, 4] }, { kind: 'departments', departmentIds: [3, 4] }],
    ['a lab user with the user relation', { departmentDataType: 1 }, { kind: 'user-relation', userId: '7' }],
    ['a referring doctor (bills assigned to them)', { loginType: 'doctor', docType: 2, sub: '21' }, { kind: 'bill-doctor', doctorId: 21 }],
  ])('scopes the reports of %s', async (_who, who, scope) => {
    const { sut, records } = setup();
    await sut.execute(request(labUser(who)));
    expect(records.calls.find((c) => c.method === 'criticalReports')?.args).toEqual([LAB, 12, scope]);
  });

  it('rejects a bill id that is not a positive integer with 400, before any read', async () => {
    const { sut, records } = setup();
    expect(await failureOf(sut.execute(request(labUser(), 0)))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(records.calls).toEqual([]);
  });
});
