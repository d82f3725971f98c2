import { ApiSchema, expectAnswer, gatewayApi } from '@labflow/tools/api-client';
import { GATEWAY_URL } from '@labflow/testing';

/** A CBC report format (seed 002 example test) with ranges, a critical range, an auto-rerun rule and a calculation. */
export function cbcFormat(test: { enable_device_flags?: boolean; testName?: string }): ApiSchema<'ReportFormatBody'> {
  const info: ApiSchema<'TestInfoDto'> = { testName: test.testName ?? 'CBC', test_type: 'Normal', show_device_extra_data_in_pdf: false, department: 3 };
  if (test.enable_device_flags !== undefined) info.enable_device_flags = test.enable_device_flags;
  return {
    testData: { addFlag: 0, testID: 10268009, test: info },
    reportData: [
      { index: 4, name: 'Haemoglobin', unit: 'g/dL', lower: 12, upper: 16, reference_text: '12 - 16', critical_lower: 7, critical_upper: 20, linearity_lower: 0, linearity_upper: 250, auto_rerun_allowed: true, auto_rerun_condition: 'critical' },
      { index: 5, name: 'RBC', unit: 'mill/cumm', lower: 4.5, upper: 5.5, critical_lower: 2, critical_upper: 8 },
      { index: 6, name: 'MCH', unit: 'pg', lower: 27, upper: 32 },
    ],
    ageRangeData: [
      { index: 4, gender: 'female', age_from: 18, age_to: 120, age_unit: 'years', lower: 12, upper: 15.5, critical_lower: 7, critical_upper: 100 },
      { index: 4, gender: 'any', age_from: 0, age_to: 18, age_unit: 'years', lower: 11, upper: 14, critical_lower: 6, critical_upper: 18 },
    ],
    calculations: [{ index: 6, expression: '({4} * 10) / {5}', decimals: 1 }],
    addTestToChildLabsData: { childLabIds: [] },
  };
}

export type Registered = ApiSchema<'RegisterPatientResult'>;

/** Creates a test (report format) through the typed client; its test id. */
export async function createTest(token: string, flags: boolean, testName = 'CBC'): Promise<number> {
  const api = gatewayApi(GATEWAY_URL, token);
  const created = expectAnswer(await api.POST('/reporting/report-format/create', { body: cbcFormat({ enable_device_flags: flags, testName }) }), 201, 'create test');
  return created.testId;
}

export async function registerPatient(
  token: string, sampleId: string, testIds: number[],
  patient: ApiSchema<'RegistrationPatientDto'> = { name: 'Asha Rao', dateOfBirth: '1984-02-29', gender: 'female' },
): Promise<Registered> {
  const api = gatewayApi(GATEWAY_URL, token);
  return expectAnswer(await api.POST('/api-v3/registrations', {
    body: { patient, bill: { doctorId: 21 }, samples: [{ sampleId, collectedAt: '2026-05-25T08:00:00.000Z' }], tests: testIds.map((testId) => ({ testId, sampleId })) },
  }), 201, 'register');
}
