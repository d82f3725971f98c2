import { ApiSchema, expectAnswer, gatewayApi } from '@labflow/tools/api-client';
import { call, eventually, GATEWAY_URL, HttpResult } from '@labflow/testing';

/** A CBC for autoverification: ranges, critical and measuring ranges, a calculated MCH; no auto rerun (it would open reruns by itself). */
export const CBC: ApiSchema<'ReportFormatBody'> = {
  testData: { addFlag: 0, testID: 1, test: { testName: 'CBC autoverification', test_type: 'Normal', enable_device_flags: true, department: 3 } },
  reportData: [
    { index: 4, name: 'Haemoglobin', unit: 'g/dL', lower: 12, upper: 16, critical_lower: 7, critical_upper: 20, linearity_lower: 0, linearity_upper: 25 },
    { index: 5, name: 'RBC', unit: 'mill/cumm', lower: 4.5, upper: 5.5, critical_lower: 2, critical_upper: 8 },
    { index: 6, name: 'MCH', unit: 'pg', lower: 27, upper: 32 },
  ],
  // an adult man's haemoglobin range differs from the parameter's own (the reference rule must use the patient's)
  ageRangeData: [{ index: 4, gender: 'male', age_from: 18, age_to: 120, age_unit: 'years', lower: 13.5, upper: 17.5 }],
  calculations: [{ index: 6, expression: '({4} * 10) / {5}', decimals: 1 }],
  addTestToChildLabsData: { childLabIds: [] },
};

export const CBC_RULES = {
  parameters: [{ index: 4, delta: { mode: 'percent', limit: 8, lookBackDays: 30 } }, { index: 5 }, { index: 6 }],
  blockingParamFlags: ['A', 'W', '*', 'H~N'],
  blockingTestFlags: ['Blasts/Abn_Lympho?', 'PLT_Clumps?'],
};

export const ADULT: ApiSchema<'RegistrationPatientDto'> = { name: 'Asha Rao', dateOfBirth: '1984-02-29', gender: 'female' };
export const MAN: ApiSchema<'RegistrationPatientDto'> = { name: 'Ravi Rao', dateOfBirth: '1979-07-14', gender: 'male' };
export const MALE_BAND = { gender: 'male', ageFrom: 18, ageTo: 120, ageUnit: 'years' };

export function ok<T = any>(res: HttpResult<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Registers one patient with a lab report of the test on each sample; returns the lab report ids in sample order. */
export async function register(token: string, testId: number, sampleIds: string[], patient = ADULT): Promise<number[]> {
  const body = expectAnswer(await gatewayApi(GATEWAY_URL, token).POST('/api-v3/registrations', {
    body: {
      patient, samples: sampleIds.map((sampleId) => ({ sampleId, collectedAt: new Date(Date.now() - 3600_000).toISOString() })),
      tests: sampleIds.map((sampleId) => ({ testId, sampleId })),
    },
  }), 201, 'register');
  return sampleIds.map((s) => body.labReports.find((r) => r.sampleId === s)!.labReportId);
}

export async function newDevice(token: string, testId: number, name: string): Promise<{ id: number; deviceAuth: string }> {
  const api = gatewayApi(GATEWAY_URL, token);
  const device = expectAnswer(await api.POST('/api-v3/devices', { body: { name } }), 201, 'device');
  expectAnswer(await api.POST('/api-v3/devices/{id}/mappings', {
    params: { path: { id: device.id } },
    body: { testId, functionName: 'PartialFill', parameters: [{ testName: 'HGB', index: 4 }, { testName: 'RBC', index: 5 }] },
  }), 201, 'mapping');
  return device;
}

export interface Reading { hgb: number; rbc: number; hgbFlags?: string[]; testFlags?: string[] }

export function uploadBody(labId: number, sampleId: string, deviceAuth: string, r: Reading): ApiSchema<'DataPartialFromDeviceInput'> {
  return {
    labId, sampleId, deviceAuth, test_flags: r.testFlags ?? [],
    data: { values: [{ testName: 'HGB', value: r.hgb, param_flags: r.hgbFlags ?? [] }, { testName: 'RBC', value: r.rbc, param_flags: [] }] },
  };
}

/** Posts an analyzer upload; a sample registered a moment ago is never refused (device-ingestion asks reporting). */
export async function upload(labId: number, sampleId: string, deviceAuth: string, r: Reading): Promise<HttpResult> {
  return call('POST', '/dataPartialFromDevice/', { body: uploadBody(labId, sampleId, deviceAuth, r) });
}

/** The report's decision once verification made one (two hops after the upload: eventually). */
export async function decisionOf(token: string, labReportId: number, accept: (body: any) => boolean = () => true): Promise<any> {
  const res = await eventually(
    () => call('GET', `/api-v3/verification/lab-reports/${labReportId}`, { token }),
    (r) => r.status === 200 && accept(r.body),
  );
  return res.body;
}
