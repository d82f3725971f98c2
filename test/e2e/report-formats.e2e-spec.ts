import { call, freshLabId, TopicProbe, tokenFor } from '@labflow/testing';
import { cbcFormat } from './lab-fixtures';

describe('report formats and registration (seed 002 §1, set-up)', () => {
  const labId = freshLabId();
  let token: string;
  let otherToken: string;
  let probe: TopicProbe;

  beforeAll(async () => {
    token = await tokenFor({ lab_id: labId });
    otherToken = await tokenFor({ lab_id: labId + 1 });
    probe = await TopicProbe.start(['report_format.saved', 'bill.registered']);
  });
  afterAll(() => probe.stop());

  it('creates a Normal test with enable_device_flags as a document report, without storing the flag', async () => {
    const res = await call('POST', '/reporting/report-format/create/', { token, body: cbcFormat({ enable_device_flags: true }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ testId: expect.any(Number), testName: 'CBC', test_type: 'Normal', document_report: 1, department: 3 });
    expect(res.body).not.toHaveProperty('enable_device_flags');
    expect(JSON.stringify(res.body)).not.toContain('enable_device_flags');
    expect(res.body.reportData[0]).toMatchObject({ index: 4, name: 'Haemoglobin', critical_lower: 7, critical_upper: 20, auto_rerun_allowed: true, auto_rerun_condition: 'critical' });

    const [event] = await probe.waitFor((m) => m.topic === 'report_format.saved' && m.envelope.payload.testId === res.body.testId);
    expect(event.envelope.payload).toMatchObject({
      labId, testName: 'CBC', documentReport: 1, revision: 1,
      parameters: expect.arrayContaining([expect.objectContaining({ index: 4, criticalLower: 7, criticalUpper: 20, autoRerunAllowed: true, autoRerunCondition: 'critical', calculated: false })]),
    });
  });

  it('update switches document_report with enable_device_flags and bumps the revision', async () => {
    const created = await call('POST', '/reporting/report-format/create/', { token, body: cbcFormat({ enable_device_flags: true }) });
    const off = await call('POST', `/reporting/report-format/${created.body.testId}/update/`, { token, body: cbcFormat({ enable_device_flags: false }) });
    expect(off.status).toBe(200);
    expect(off.body.document_report).toBe(0);
    const missing = await call('POST', `/reporting/report-format/${created.body.testId}/update/`, { token, body: cbcFormat({}) });
    expect(missing.body.document_report).toBe(0);
    const on = await call('POST', `/reporting/report-format/${created.body.testId}/update/`, { token, body: cbcFormat({ enable_device_flags: true }) });
    expect(on.body.document_report).toBe(1);
    const events = await probe.waitFor((m) => m.topic === 'report_format.saved' && m.envelope.payload.testId === created.body.testId, 4);
    expect(events.map((e) => e.envelope.payload.revision)).toEqual([1, 2, 3, 4]);
  });

  it('answers another lab\'s test with 404', async () => {
    const created = await call('POST', '/reporting/report-format/create/', { token, body: cbcFormat({}) });
    const res = await call('POST', `/reporting/report-format/${created.body.testId}/update/`, { token: otherToken, body: cbcFormat({}) });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Test not found');
  });

  it.each([
    [{ calculations: [{ index: 6, expression: '{4} * process' }] }, "calculations index 6: unexpected character 'p' at position 7"],
    [{ calculations: [{ index: 6, expression: '{4} / {9}' }] }, 'calculations index 6: {9} is not a reportData index'],
    [{ ageRangeData: [{ index: 99, gender: 'any', age_from: 0, age_to: 1, age_unit: 'years' }] }, 'ageRangeData index 99 is not a reportData index'],
    [{ reportData: [{ index: 1, name: 'A', critical_lower: 9, critical_upper: 2 }] }, 'reportData index 1: critical_lower must not be greater than critical_upper'],
    [{ reportData: [{ index: 1, name: 'A', auto_rerun_allowed: true, auto_rerun_condition: 'custom' }] }, 'reportData index 1: auto_rerun_condition custom needs auto_rerun_lower or auto_rerun_upper'],
    [{ reportData: [{ index: 1, name: 'A', colour: 'red' }] }, 'property reportData.0.colour should not exist'],
  ])('refuses an invalid format with 400 (%#)', async (override, message) => {
    const res = await call('POST', '/reporting/report-format/create/', { token, body: { ...cbcFormat({}), ...override } });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  it('registers a patient: every id comes back and bill.registered carries them', async () => {
    const test = await call('POST', '/reporting/report-format/create/', { token, body: cbcFormat({ enable_device_flags: true }) });
    const sampleId = `S${labId}`;
    const res = await call('POST', '/api-v3/registrations', {
      token,
      body: {
        patient: { name: 'Asha Rao', dateOfBirth: '1984-02-29', gender: 'female' },
        bill: { doctorId: 21, organizationId: 5 },
        samples: [{ sampleId, collectedAt: '2026-05-25T08:00:00.000Z' }],
        tests: [{ testId: test.body.testId, sampleId }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      patientId: expect.stringMatching(/^[0-9a-f-]{36}$/), billId: expect.any(Number),
      labReports: [{ labReportId: expect.any(Number), testId: test.body.testId, sampleId }],
      samples: [{ sampleId, specimenId: expect.stringMatching(/^[0-9a-f-]{36}$/) }],
    });
    const [event] = await probe.waitFor((m) => m.topic === 'bill.registered' && m.envelope.payload.billId === res.body.billId);
    expect(event.key).toBe(String(res.body.billId));
    expect(event.envelope.payload).toMatchObject({
      labId, patient: { patientId: res.body.patientId, name: 'Asha Rao', dateOfBirth: '1984-02-29', gender: 'female' },
      doctorId: 21, organizationId: 5,
      samples: [{ sampleId, specimenId: res.body.samples[0].specimenId, labReportIds: [res.body.labReports[0].labReportId] }],
      labReports: [{ labReportId: res.body.labReports[0].labReportId, testId: test.body.testId, testName: 'CBC', sampleId, departmentId: 3 }],
    });

    const again = await call('POST', '/api-v3/registrations', {
      token, body: { patient: { name: 'B', dateOfBirth: '1990-01-01', gender: 'male' }, samples: [{ sampleId, collectedAt: '2026-05-25T08:00:00.000Z' }], tests: [{ testId: test.body.testId, sampleId }] },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(`Sample ${sampleId} is already registered`);
  });

  it('answers an unknown (or another lab\'s) test with 404 and registers nothing', async () => {
    const theirs = await call('POST', '/reporting/report-format/create/', { token: otherToken, body: cbcFormat({}) });
    const sampleId = `X${labId}`;
    const res = await call('POST', '/api-v3/registrations', {
      token, body: { patient: { name: 'C', dateOfBirth: '1990-01-01', gender: 'male' }, samples: [{ sampleId, collectedAt: '2026-05-25T08:00:00.000Z' }], tests: [{ testId: theirs.body.testId, sampleId }] },
    });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe(`Test ${theirs.body.testId} not found`);
    await new Promise((r) => setTimeout(r, 500));
    expect(probe.matching((m) => m.topic === 'bill.registered' && m.envelope.payload.samples.some((s: { sampleId: string }) => s.sampleId === sampleId))).toHaveLength(0);
  });
});
