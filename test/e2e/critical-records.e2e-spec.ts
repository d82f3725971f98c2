import { call, eventually, freshLabId, tokenFor } from '@labflow/testing';
import { analyzerFor, createDepartmentTest, registerBill, RegisteredBill, sendValues } from './critical-callout-fixtures';

/** seed 001 §1: GET /report/:billId/critical/records — critical reports, department scoping, tenancy. */
describe('critical records of a bill (seed 001)', () => {
  const labId = freshLabId();
  const sampleId = `CR${labId}`;
  let support: string;
  let bill: RegisteredBill;
  let haem: number; // department 3, critical value
  let chem: number; // department 5, critical value
  let normal: number; // department 3, normal value: never listed

  const records = (token: string, billId = bill.billId) => call('GET', `/report/${billId}/critical/records`, { token });
  const listed = async (claims: Record<string, unknown>) => {
    const res = await records(await tokenFor({ lab_id: labId, ...claims }));
    expect(res.status).toBe(200);
    return res.body.reports.map((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId).sort();
  };

  beforeAll(async () => {
    support = await tokenFor({ lab_id: labId, login_type: 'support' });
    haem = await createDepartmentTest(support, 'Haematology', 3);
    chem = await createDepartmentTest(support, 'Chemistry', 5);
    normal = await createDepartmentTest(support, 'Routine', 3);
    const deviceAuth = await analyzerFor(support, { HGB1: haem, HGB2: chem, HGB3: normal });
    bill = await registerBill(support, sampleId, [haem, chem, normal], 21);
    const before = await eventually(() => records(support), (r) => r.status === 200);
    expect(before.body).toEqual({ reports: [], attempted_callout: {} });
    // adult male: Haemoglobin critical below 7 or above 20
    await sendValues(labId, sampleId, deviceAuth, { HGB1: 25, HGB2: 6.2, HGB3: 14 });
  });

  it('a critical analyzer value makes its report appear with its critical parameters and the serializer fields', async () => {
    const res = await eventually(() => records(support), (r) => r.body.reports?.length === 2);
    expect(res.status).toBe(200);
    const [first, second] = res.body.reports;
    expect(first.critical_parameters).toEqual([{
      value: 25, parameter_name: 'Haemoglobin', reference_range: '12 - 16', index: 4, unit: 'g/dL',
      critical_range: '7 - 20', critical_lower: 7, critical_upper: 20, critical_flag: 'critical_high',
    }]);
    expect(second.critical_parameters).toMatchObject([{ value: 6.2, parameter_name: 'Haemoglobin', critical_flag: 'critical_low' }]);
    expect(Object.keys(first.lab_report).sort()).toEqual([
      'auto_approval_status', 'billId', 'claim_on_hold', 'comments', 'criticalValues', 'docForId', 'inQuestion', 'isApproved',
      'isProfile', 'isResolved', 'isSigned', 'isSynced', 'labReportId', 'notPerformed', 'onHold', 'orgId', 'reportFormatId',
      'reportID', 'userDetailsId',
    ]);
    expect(first.lab_report).toMatchObject({
      labReportId: bill.reportOf(haem), billId: bill.billId, orgId: 4, docForId: 21, reportFormatId: haem, criticalValues: 'pending',
      isSigned: 0, reportID: { testID: haem, testName: 'Haematology', departmentId: 3 },
    });
    expect(second.lab_report).toMatchObject({ labReportId: bill.reportOf(chem), reportID: { testID: chem, departmentId: 5 } });
    expect(res.body.attempted_callout).toEqual({});
  });

  describe('department scoping, as the seed 001 table says', () => {
    it('support: no filter', async () => {
      expect(await listed({ login_type: 'support' })).toEqual([bill.reportOf(haem), bill.reportOf(chem)].sort());
    });

    it("doctor doc_type 0: the doctor's departments", async () => {
      expect(await listed({ login_type: 'doctor', doc_type: 0, department_ids: [5] })).toEqual([bill.reportOf(chem)]);
      expect(await listed({ login_type: 'doctor', doc_type: 0, department_ids: [] })).toEqual([]);
    });

    it('doctor doc_type 2: only bills assigned to that doctor', async () => {
      expect(await listed({ login_type: 'doctor', doc_type: 2, sub: '21' })).toEqual([bill.reportOf(haem), bill.reportOf(chem)].sort());
      expect(await listed({ login_type: 'doctor', doc_type: 2, sub: '22', department_ids: [3, 5] })).toEqual([]);
    });

    it("lab user department_data_type 0: the session's departments", async () => {
      expect(await listed({ login_type: 'lab_user', department_data_type: 0, department_ids: [3] })).toEqual([bill.reportOf(haem)]);
    });

    it("lab user department_data_type 1: the user's department relation, not the session's", async () => {
      const user = { login_type: 'lab_user' as const, department_data_type: 1, sub: `u${labId}`, department_ids: [3] };
      expect(await listed(user)).toEqual([]);
      const restricted = await call('PUT', `/api-v3/lab-users/u${labId}/departments`, { token: await tokenFor({ lab_id: labId, ...user }), body: { department_ids: [3, 5] } });
      expect(restricted.status).toBe(403);
      expect(restricted.body.message).toBe('Not allowed to change department assignments');
      const set = await call('PUT', `/api-v3/lab-users/u${labId}/departments`, { token: support, body: { department_ids: [5] } });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ userId: `u${labId}`, department_ids: [5] });
      expect(await listed(user)).toEqual([bill.reportOf(chem)]);
    });
  });

  it("another lab's bill is not found, and nothing of it is shown", async () => {
    const res = await records(await tokenFor({ lab_id: labId + 1, login_type: 'support' }));
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Bill not found');
  });

  it('refuses a non-numeric or out-of-range id and an unknown department field', async () => {
    const bad = await call('GET', '/report/abc/critical/records', { token: support });
    expect(bad.status).toBe(400);
    // found by Schemathesis: an id beyond the store's integer range is refused, not a 500
    const huge = await call('GET', '/report/2571451840015374.0/critical/records', { token: support });
    expect(huge.status).toBe(400);
    expect(huge.body.message).toBe('billId must not be greater than 2147483647');
    const hugeExport = await call('POST', '/operation/critical-callout', { token: support, body: { lab_report_ids: [35599048265907868] } });
    expect(hugeExport.status).toBe(400);
    expect(hugeExport.body.message).toBe('each value in lab_report_ids must not be greater than 2147483647');
    const extra = await call('PUT', `/api-v3/lab-users/u1/departments`, { token: support, body: { department_ids: [1], labId: 9 } });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toBe('property labId should not exist');
  });
});
