import { Client as PgClient } from 'pg';
import { call, envelopeIsValid, eventually, freshLabId, TopicProbe, tokenFor } from '@labflow/testing';
import { createTest, registerPatient, Registered } from './lab-fixtures';

/** seed 002 §2 example payload, for a sample of this test file. */
function specPayload(labId: number, sampleId: string, deviceAuth: string, override: Record<string, unknown> = {}) {
  return {
    labId, sampleId, deviceAuth, test_flags: ['DUMMY TEST FLAG1', 'FLAG2'],
    data: { values: [{ testName: 'hmg', value: 110.12, param_flags: ['P1', 'H~N'] }] },
    ...override,
  };
}

describe('dataPartialFromDevice: validation, mapping, idempotency (seed 002 §2)', () => {
  const labId = freshLabId();
  const otherLab = labId + 1;
  let token: string;
  let probe: TopicProbe;
  let device: { id: number; deviceAuth: string };
  let otherDevice: { id: number; deviceAuth: string };
  let registered: Registered;
  let otherSample: string;
  const sampleId = `D${labId}`;

  beforeAll(async () => {
    token = await tokenFor({ lab_id: labId });
    const otherToken = await tokenFor({ lab_id: otherLab });
    probe = await TopicProbe.start(['device.data.received']);
    const testId = await createTest(token, true);
    registered = await registerPatient(token, sampleId, [testId]);
    device = (await call('POST', '/api-v3/devices', { token, body: { name: 'Alinity' } })).body;
    const mapping = await call('POST', `/api-v3/devices/${device.id}/mappings`, {
      token, body: { testId, functionName: 'PartialFill', parameters: [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 5 }] },
    });
    expect(mapping.status).toBe(201);
    otherDevice = (await call('POST', '/api-v3/devices', { token: otherToken, body: { name: 'Other lab analyzer' } })).body;
    const otherTestId = await createTest(otherToken, true);
    otherSample = `O${otherLab}`;
    await registerPatient(otherToken, otherSample, [otherTestId]);
  });
  afterAll(() => probe.stop());

  const sent = () => probe.matching((m) => m.envelope.payload.labId === labId || m.envelope.payload.labId === otherLab);

  it('accepts the spec payload once registration reached device-ingestion, publishing device.data.received once', async () => {
    const res = await eventually(
      () => call('POST', '/dataPartialFromDevice/', { body: specPayload(labId, sampleId, device.deviceAuth) }),
      (r) => r.status !== 404,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      message: 'Data received', resultId: expect.any(String), sampleId, duplicate: false,
      filled: [{ labReportId: registered.labReports[0].labReportId, testId: registered.labReports[0].testId, index: 4 }],
    });
    const [event] = await probe.waitFor((m) => m.envelope.payload.resultId === res.body.resultId);
    expect(envelopeIsValid(event.envelope)).toEqual([]);
    expect(event.key).toBe(`${labId}:${sampleId}`);
    expect(event.envelope.payload).toMatchObject({
      labId, sampleId, deviceId: device.id, deviceName: 'Alinity', labReportIds: [registered.labReports[0].labReportId],
      testFlags: ['DUMMY TEST FLAG1', 'FLAG2'],
      values: [{
        labReportId: registered.labReports[0].labReportId, testId: registered.labReports[0].testId, index: 4, testName: 'hmg',
        value: '110.12', numericValue: 110.12, paramFlags: ['P1', 'H~N'], interpretation: ['', 'H'],
      }],
    });

    const again = await call('POST', '/dataPartialFromDevice/', { body: specPayload(labId, sampleId, device.deviceAuth) });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...res.body, duplicate: true });
    await new Promise((r) => setTimeout(r, 1000));
    expect(probe.matching((m) => m.envelope.payload.labId === labId)).toHaveLength(1);
  });

  // A wrong, missing or foreign deviceAuth: test/security/device-auth.e2e-spec.ts (401, nothing stored).
  it.each([
    ['another lab\'s sample', () => specPayload(labId, otherSample, device.deviceAuth), 404, 'Sample not found'],
    ['an unknown sample', () => specPayload(labId, 'NOPE', device.deviceAuth), 404, 'Sample not found'],
    ['an unknown testName', () => specPayload(labId, sampleId, device.deviceAuth, { data: { values: [{ testName: 'hmg', value: 1 }, { testName: 'xyz', value: 2 }] } }), 400, 'data.values.1.testName xyz is not mapped on this device'],
    ['a missing value', () => specPayload(labId, sampleId, device.deviceAuth, { data: { values: [{ testName: 'hmg' }] } }), 400, 'data.values.0.value must be a number or a string of 1 to 500 characters'],
    ['a non-array test_flags', () => specPayload(labId, sampleId, device.deviceAuth, { test_flags: 'H' }), 400, 'test_flags must be an array'],
    ['an unknown field', () => specPayload(labId, sampleId, device.deviceAuth, { patientName: 'x' }), 400, 'property patientName should not exist'],
    ['no labId', () => specPayload(undefined as unknown as number, sampleId, device.deviceAuth), 400, 'labId must not be less than 1'],
  ])('refuses %s with a clear error and publishes nothing', async (_name, body, status, message) => {
    const before = sent().length;
    const res = await call('POST', '/dataPartialFromDevice/', { body: body() });
    expect(res.status).toBe(status);
    expect(res.body.message).toBe(message);
    await new Promise((r) => setTimeout(r, 300));
    expect(sent()).toHaveLength(before);
  });

  it('refuses a mapping with an unknown function or of another lab\'s device', async () => {
    const unknown = await call('POST', `/api-v3/devices/${device.id}/mappings`, { token, body: { testId: 1, functionName: 'eval', parameters: [{ testName: 'a', index: 1 }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Unknown mapping function eval (known: PartialFill)');
    const theirs = await call('POST', `/api-v3/devices/${otherDevice.id}/mappings`, { token, body: { testId: 1, functionName: 'PartialFill', parameters: [{ testName: 'a', index: 1 }] } });
    expect(theirs.status).toBe(404);
    expect(theirs.body.message).toBe('Device not found');
    const badFlag = await call('POST', `/api-v3/devices/${device.id}/mappings`, { token, body: { testId: 1, functionName: 'PartialFill', parameters: [{ testName: 'a', index: 1 }], flagInterpretations: { P1: 'VERY HIGH' } } });
    expect(badFlag.status).toBe(400);
    expect(badFlag.body.message).toBe('flagInterpretations.P1 must be an HL7 Table 0078 code');
  });

  it('reports a stored mapping whose function left the registry as a configuration error, not a crash', async () => {
    const pg = new PgClient({ connectionString: process.env.POSTGRES_URL });
    await pg.connect();
    try {
      await pg.query(`UPDATE device_ingestion.device_test_mappings SET function_name = 'RetiredFill' WHERE lab_id = $1 AND device_id = $2`, [labId, device.id]);
      const before = sent().length;
      const res = await call('POST', '/dataPartialFromDevice/', { body: specPayload(labId, sampleId, device.deviceAuth, { test_flags: ['other'] }) });
      expect(res.status).toBe(500);
      expect(res.body.message).toBe(`Device mapping of test ${registered.labReports[0].testId} uses unknown function RetiredFill`);
      expect(res.body.code).toBe('MAPPING_FUNCTION_UNKNOWN');
      await new Promise((r) => setTimeout(r, 300));
      expect(sent()).toHaveLength(before);
    } finally {
      await pg.query(`UPDATE device_ingestion.device_test_mappings SET function_name = 'PartialFill' WHERE lab_id = $1 AND device_id = $2`, [labId, device.id]);
      await pg.end();
    }
    const health = await call('GET', '/health/ready');
    expect(health.body.checks['device-ingestion'].status).toBe('ok');
  });
});
