import { call, eventually } from '@labflow/testing';
import { cbcFormat } from './lab-fixtures';

/** A CBC-like test in a department (lab reports inherit it). */
export async function createDepartmentTest(token: string, testName: string, department: number): Promise<number> {
  const format = cbcFormat({ testName }) as { testData: { test: Record<string, unknown> } };
  format.testData.test.department = department;
  const res = await call('POST', '/reporting/report-format/create/', { token, body: format });
  if (res.status !== 201) throw new Error(`create test: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.testId;
}

export interface RegisteredBill { billId: number; reportOf: (testId: number) => number }

export async function registerBill(token: string, sampleId: string, testIds: number[], doctorId: number): Promise<RegisteredBill> {
  const res = await call('POST', '/api-v3/registrations', {
    token,
    body: {
      patient: { name: 'Ravi Kumar', dateOfBirth: '1980-01-01', gender: 'male' }, bill: { doctorId, organizationId: 4 },
      samples: [{ sampleId, collectedAt: '2026-05-25T08:00:00.000Z' }], tests: testIds.map((testId) => ({ testId, sampleId })),
    },
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  const reports: { labReportId: number; testId: number }[] = res.body.labReports;
  return { billId: res.body.billId, reportOf: (testId) => reports.find((r) => r.testId === testId)!.labReportId };
}

/** An analyzer on which each test's Haemoglobin (index 4) comes under its own code. */
export async function analyzerFor(token: string, codes: Record<string, number>): Promise<string> {
  const device = (await call('POST', '/api-v3/devices', { token, body: { name: 'Sysmex XN' } })).body;
  for (const [code, testId] of Object.entries(codes)) {
    const res = await call('POST', `/api-v3/devices/${device.id}/mappings`, {
      token, body: { testId, functionName: 'PartialFill', parameters: [{ testName: code, index: 4 }] },
    });
    if (res.status !== 201) throw new Error(`mapping: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return device.deviceAuth;
}

/** seed 002 analyzer payload; retried while the sample has not reached device-ingestion yet. */
export async function sendValues(labId: number, sampleId: string, deviceAuth: string, values: Record<string, number>): Promise<void> {
  const res = await eventually(
    () => call('POST', '/dataPartialFromDevice/', {
      body: { labId, sampleId, deviceAuth, test_flags: [], data: { values: Object.entries(values).map(([testName, value]) => ({ testName, value })) } },
    }),
    (r) => r.status !== 404,
  );
  if (res.status !== 200) throw new Error(`device data: ${res.status} ${JSON.stringify(res.body)}`);
}
