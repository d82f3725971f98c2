import { Client as PgClient } from 'pg';
import { call, eventually, freshLabId, TopicProbe, tokenFor } from '@labflow/testing';
import { createTest, registerPatient } from './lab-fixtures';

/** Storage rules of seed 002 §2 beyond the happy path: signed reports, normal values, per-device flag tables. */
describe('report values: signed reports, critical evaluation, flag tables', () => {
  const labId = freshLabId();
  let token: string;
  let probe: TopicProbe;
  let device: { id: number; deviceAuth: string };
  let testId: number;
  let pg: PgClient;

  const post = (sampleId: string, value: number, paramFlags: string[] = []) => call('POST', '/dataPartialFromDevice/', {
    body: { labId, sampleId, deviceAuth: device.deviceAuth, test_flags: ['T1'], data: { values: [{ testName: 'hmg', value, param_flags: paramFlags }] } },
  });
  const entry = (labReportId: number) => call('GET', `/getReportFormatForTestEntry/?labReportId=${labReportId}&isSigned=0`, { token });

  beforeAll(async () => {
    token = await tokenFor({ lab_id: labId });
    probe = await TopicProbe.start(['report.values_updated']);
    pg = new PgClient({ connectionString: process.env.POSTGRES_URL });
    await pg.connect();
    testId = await createTest(token, true);
    device = (await call('POST', '/api-v3/devices', { token, body: { name: 'Sysmex XN' } })).body;
    await call('POST', `/api-v3/devices/${device.id}/mappings`, {
      token, body: { testId, functionName: 'PartialFill', parameters: [{ testName: 'hmg', index: 4 }], flagInterpretations: { P1: 'A', 'H~N': 'HH' } },
    });
  });
  afterAll(async () => {
    await probe.stop();
    await pg.end();
  });

  it('a value inside the critical range stores without setting criticalValues (male adult range)', async () => {
    const { labReports } = await registerPatient(token, `N${labId}`, [testId], { name: 'Ravi', dateOfBirth: '1980-01-01', gender: 'male' });
    const res = await eventually(() => post(`N${labId}`, 17, ['P1', 'H~N']), (r) => r.status !== 404);
    expect(res.status).toBe(200);
    // report.values_updated commits with the report state: once seen, the evaluation is final
    const [update] = await probe.waitFor((m) => m.envelope.payload.labReportId === labReports[0].labReportId);
    expect(update.envelope.payload.values[0]).toMatchObject({ abnormal: true, critical: false });
    const stored = await entry(labReports[0].labReportId);
    // the device's own table wins over the default normalization
    expect(stored.body.value).toEqual([{ index: 4, value: 17, device_name: 'Sysmex XN', test_flags: ['T1'], param_flags: ['P1', 'H~N'], param_flag_interpretations: ['A', 'HH'] }]);
    expect(stored.body.labReportSigningMeta.criticalValues).toBe('none');
  });

  it('the same value is critical for a child (age band) and sets criticalValues pending', async () => {
    const { labReports } = await registerPatient(token, `C${labId}`, [testId], { name: 'Child', dateOfBirth: '2016-01-01', gender: 'male' });
    await eventually(() => post(`C${labId}`, 19), (r) => r.status !== 404);
    const [update] = await probe.waitFor((m) => m.envelope.payload.labReportId === labReports[0].labReportId);
    expect(update.envelope.payload).toMatchObject({ criticalValues: 'pending', values: [{ index: 4, critical: true }] });
    const stored = await entry(labReports[0].labReportId);
    expect(stored.body.labReportSigningMeta.criticalValues).toBe('pending');
  });

  it('never overwrites a signed report: the value waits in device results for validation', async () => {
    const sampleId = `S${labId}`;
    const { labReports } = await registerPatient(token, sampleId, [testId]);
    const labReportId = labReports[0].labReportId;
    await eventually(() => post(sampleId, 13), (r) => r.status !== 404);
    await eventually(() => entry(labReportId), (r) => r.body.value[0]?.value === 13);
    // Signing is outside this feature; the report is signed the way the signing feature will do it.
    await pg.query(`UPDATE reporting.lab_reports SET is_signed = 1, signed_at = now(), signed_by = '7' WHERE lab_id = $1 AND id = $2`, [labId, labReportId]);

    const res = await post(sampleId, 150, ['HH']);
    expect(res.status).toBe(200);
    const [update] = await probe.waitFor((m) => m.envelope.payload.labReportId === labReportId && m.envelope.payload.applied === false);
    expect(update.envelope.payload).toMatchObject({ applied: false, criticalValues: 'none', values: [{ index: 4, value: '150', critical: true }] });
    const after = await entry(labReportId);
    expect(after.body.value).toEqual([expect.objectContaining({ index: 4, value: 13 })]);
    expect(after.body.labReportSigningMeta).toMatchObject({ isSigned: 1, criticalValues: 'none' });

    const start = new Date(Date.now() - 3_600_000).toISOString();
    const end = new Date(Date.now() + 3_600_000).toISOString();
    const results = await call('GET', `/api-v3/interfacing/device-results-validation/${device.id}?startDate=${start}&endDate=${end}`, { token });
    const waiting = results.body.results.filter((r: { labReportId: number; status: string }) => r.labReportId === labReportId && r.status === 'awaiting_validation');
    expect(waiting).toHaveLength(1);
    expect(waiting[0].value).toEqual([{ value: 150, test_flags: ['T1'], param_flags: ['HH'] }]);
    expect(waiting[0].related_reports[0].report_name).toBe('CBC');
  });

  it('shows the patient\'s earlier values of the same test as history', async () => {
    const [a, b] = [`HA${labId}`, `HB${labId}`];
    const res = await call('POST', '/api-v3/registrations', {
      token,
      body: {
        patient: { name: 'Meera', dateOfBirth: '1990-06-01', gender: 'female' },
        samples: [{ sampleId: a, collectedAt: '2026-05-25T08:00:00.000Z' }, { sampleId: b, collectedAt: '2026-05-25T09:00:00.000Z' }],
        tests: [{ testId, sampleId: a }, { testId, sampleId: b }],
      },
    });
    expect(res.status).toBe(201);
    const [first, second] = res.body.labReports.map((r: { labReportId: number }) => r.labReportId);
    await eventually(() => post(a, 12.5), (r) => r.status !== 404);
    await eventually(() => post(b, 13.5), (r) => r.status !== 404);
    const later = await eventually(() => entry(second), (r) => r.body.value.length === 1 && r.body.historicalValuesByIndex['4']?.length === 1);
    expect(later.body.historicalValuesByIndex).toEqual({ 4: [{ labReportId: first, value: 12.5, date: expect.any(String) }] });
    expect((await entry(first)).body.historicalValuesByIndex).toEqual({});
    // the validation screen shows the same history per parameter
    const start = new Date(Date.now() - 3_600_000).toISOString();
    const end = new Date(Date.now() + 3_600_000).toISOString();
    const results = await call('GET', `/api-v3/interfacing/device-results-validation/${device.id}?startDate=${start}&endDate=${end}`, { token });
    const ofReport = (id: number) => results.body.results.find((r: { labReportId: number }) => r.labReportId === id).related_reports[0];
    expect(ofReport(second).parameter_historical_values).toEqual([{ labReportId: first, value: 12.5, date: expect.any(String) }]);
    expect(ofReport(first).parameter_historical_values).toEqual([]);
  });
});
