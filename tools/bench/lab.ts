import { signDevToken } from '@labflow/platform/auth';
import { send, sleep } from './http';

/** One bench lab: a document-report test mapped on one analyzer, and one registered sample per lane. */
export interface BenchLab {
  gateway: string;
  labId: number;
  /** The CBC test (verification's rule set is saved on it). */
  testId: number;
  token: string;
  deviceAuth: string;
  samples: { sampleId: string; labReportId: number }[];
}

/**
 * A CBC panel as a haematology analyzer reports it: one upload carries every parameter of the
 * sample (a result is one parameter's value). Haemoglobin varies per upload, the rest stay normal.
 */
export const PANEL = [
  { code: 'hgb', index: 4, name: 'Haemoglobin', unit: 'g/dL', lower: 12, upper: 16, critical_lower: 7, critical_upper: 20, value: 0 },
  { code: 'rbc', index: 5, name: 'RBC', unit: 'mill/cumm', lower: 4.5, upper: 5.5, value: 4.9 },
  { code: 'wbc', index: 6, name: 'WBC', unit: '10^3/uL', lower: 4, upper: 11, critical_lower: 2, critical_upper: 30, value: 7.2 },
  { code: 'plt', index: 7, name: 'Platelets', unit: '10^3/uL', lower: 150, upper: 410, critical_lower: 20, critical_upper: 1000, value: 250 },
  { code: 'hct', index: 8, name: 'Haematocrit', unit: '%', lower: 36, upper: 46, value: 41 },
  { code: 'mcv', index: 9, name: 'MCV', unit: 'fL', lower: 80, upper: 100, value: 88 },
  { code: 'mch', index: 10, name: 'MCH', unit: 'pg', lower: 27, upper: 32, value: 29.5 },
  { code: 'mchc', index: 11, name: 'MCHC', unit: 'g/dL', lower: 32, upper: 36, value: 33.4 },
  { code: 'rdw', index: 12, name: 'RDW-CV', unit: '%', lower: 11.5, upper: 14.5, value: 13.1 },
  { code: 'mpv', index: 13, name: 'MPV', unit: 'fL', lower: 7.5, upper: 11.5, value: 9.4 },
];

const FORMAT = {
  testData: { addFlag: 0, testID: 10268009, test: { testName: 'CBC', test_type: 'Normal', show_device_extra_data_in_pdf: false, department: 3, enable_device_flags: true } },
  reportData: PANEL.map(({ code: _code, value: _value, ...parameter }) => parameter),
  ageRangeData: [],
  calculations: [],
  addTestToChildLabsData: { childLabIds: [] },
};

function must<T>(what: string, reply: { status: number; body: unknown }, status: number): T {
  if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as T;
}

/** Sets a lab up through the gateway, like a lab's own staff would (test, analyzer, mapping, one registration). */
export async function setUpLab(gateway: string, labId: number, sampleCount: number): Promise<BenchLab> {
  const secret = process.env.JWT_SECRET ?? 'labflow-local-development-secret';
  const token = await signDevToken(secret, { sub: '7', lab_id: labId, login_type: 'lab_user', department_ids: [], scope: '' }, '2h');
  const { testId } = must<{ testId: number }>('create test', await send(`${gateway}/reporting/report-format/create/`, 'POST', token, FORMAT), 201);
  const device = must<{ id: number; deviceAuth: string }>('register device', await send(`${gateway}/api-v3/devices`, 'POST', token, { name: 'Bench analyzer' }), 201);
  must('map device', await send(`${gateway}/api-v3/devices/${device.id}/mappings`, 'POST', token, {
    testId, functionName: 'PartialFill', parameters: PANEL.map((p) => ({ testName: p.code, index: p.index })),
  }), 201);
  const sampleIds = Array.from({ length: sampleCount }, (_, i) => `B${labId}S${i}`);
  const registered = must<{ labReports: { labReportId: number; sampleId: string }[] }>('register', await send(`${gateway}/api-v3/registrations`, 'POST', token, {
    patient: { name: 'Bench Patient', dateOfBirth: '1984-02-29', gender: 'female' },
    bill: { doctorId: 21 },
    samples: sampleIds.map((sampleId) => ({ sampleId, collectedAt: new Date().toISOString() })),
    tests: sampleIds.map((sampleId) => ({ testId, sampleId })),
  }), 201);
  const lab: BenchLab = { gateway, labId, testId, token, deviceAuth: device.deviceAuth, samples: registered.labReports.map((r) => ({ sampleId: r.sampleId, labReportId: r.labReportId })) };
  // device-ingestion learns samples from bill.registered: wait until the last one is known.
  const last = lab.samples[lab.samples.length - 1];
  for (let i = 0; i < 200; i++) {
    const reply = await postResult(lab, last.sampleId, 12.5);
    if (reply.status === 200) return lab;
    await sleep(100);
  }
  throw new Error(`sample ${last.sampleId} never became known to device-ingestion`);
}

/** One analyzer upload of a whole panel; `value` is its Haemoglobin (values must differ, or the payload is a duplicate). */
export function postResult(lab: BenchLab, sampleId: string, value: number) {
  return send<{ duplicate?: boolean }>(`${lab.gateway}/dataPartialFromDevice/`, 'POST', undefined, {
    labId: lab.labId, sampleId, deviceAuth: lab.deviceAuth, test_flags: [], data: { values: panelValues(value) },
  });
}

export function panelValues(haemoglobin: number): { testName: string; value: number; param_flags: string[] }[] {
  return PANEL.map((p) => ({ testName: p.code, value: p.index === 4 ? haemoglobin : p.value, param_flags: [] }));
}

/** The stored Haemoglobin value as report entry shows it, or null. */
export async function readValue(lab: BenchLab, labReportId: number): Promise<number | null> {
  return (await readEntry(lab, labReportId)).value;
}

/**
 * Report entry, optionally carrying a write's consistency token: the value, and what the gateway
 * said of consistency (`stale`, and the serving app's wait from `Server-Timing: consistency;dur=`).
 */
export async function readEntry(lab: BenchLab, labReportId: number, consistencyToken?: string): Promise<{ value: number | null; stale: boolean; waitedMs: number | null }> {
  const reply = await send<{ value?: { index: number; value: number }[] }>(
    `${lab.gateway}/getReportFormatForTestEntry/?labReportId=${labReportId}&isSigned=0`, 'GET', lab.token, undefined,
    consistencyToken ? { 'x-consistency-token': consistencyToken } : {},
  );
  const timing = /consistency;dur=([\d.]+)/.exec(reply.headers.get('server-timing') ?? '');
  return {
    value: reply.status === 200 ? reply.body.value?.find((v) => v.index === 4)?.value ?? null : null,
    stale: reply.headers.get('x-consistency') === 'stale',
    waitedMs: timing ? Number(timing[1]) : null,
  };
}

let counter = 0;
/** A value no earlier payload of this run used (normal range, so no critical callout or rerun). */
export function nextValue(): number {
  counter++;
  return Number((12 + (counter % 1_000_000) / 1_000_000).toFixed(6));
}
