import { call, freshLabId, tokenFor } from '@labflow/testing';
import { createTest, registerPatient } from './lab-fixtures';
import { StaleCounter, TOKEN_HEADER, tokenOf } from './support/consistency';

const ROUNDS = 50;

/**
 * Read your writes (issue 19): the natural next call right after a 2xx write, at once, ROUNDS times
 * each, with no retry and no wait: a registration is followed by the analyzer's upload (another
 * caller: device-ingestion asks reporting for a sample it has not learned yet), an upload by the
 * three reads of seed 002 (the technologist sends the upload's token, as a UI would after a bridge's
 * upload). Every answer counted: zero refusals, zero stale reads.
 */
describe('read your writes: registration → upload → report entry, overview, device results', () => {
  const labId = freshLabId();
  let token: string;
  let testId: number;
  let device: { id: number; deviceAuth: string };

  beforeAll(async () => {
    token = await tokenFor({ lab_id: labId });
    testId = await createTest(token, true);
    device = (await call('POST', '/api-v3/devices', { token, body: { name: 'Sysmex XN-1000' } })).body;
    const mapping = await call('POST', `/api-v3/devices/${device.id}/mappings`, {
      token, body: { testId, functionName: 'PartialFill', parameters: [{ testName: 'HGB', index: 4 }] },
    });
    expect(mapping.status).toBe(201);
  });

  it(`takes every upload made right after its registration and shows its values to the next read (${ROUNDS} rounds)`, async () => {
    const counter = new StaleCounter();
    const start = new Date(Date.now() - 60_000).toISOString();
    for (let round = 0; round < ROUNDS; round++) {
      const sampleId = `RYW${labId}-${round}`;
      const registered = await registerPatient(token, sampleId, [testId]);
      const labReportId = registered.labReports[0].labReportId;
      const value = 10 + round / 10;
      const upload = await call('POST', '/dataPartialFromDevice/', {
        body: { labId, sampleId, deviceAuth: device.deviceAuth, test_flags: ['Abnormal'], data: { values: [{ testName: 'HGB', value, param_flags: ['L'] }] } },
      });
      counter.check(`upload ${round}`, upload, upload.status === 200 && upload.body.filled?.[0]?.labReportId === labReportId);
      if (upload.status !== 200) continue;
      const headers = { [TOKEN_HEADER]: tokenOf(upload) };

      const entry = await call('GET', `/getReportFormatForTestEntry/?labReportId=${labReportId}&isSigned=0`, { token, headers });
      counter.check(`report entry ${round}`, entry, entry.status === 200 && entry.body.value?.some((v: { value: unknown }) => Number(v.value) === value));

      const overview = await call('GET', `/api-v3/patient/${labReportId}/all-reports`, { token, headers });
      const shown = JSON.stringify(overview.body);
      counter.check(`overview ${round}`, overview, overview.status === 200 && shown.includes(String(value)));

      const end = new Date(Date.now() + 60_000).toISOString();
      const results = await call('GET', `/api-v3/interfacing/device-results-validation/${device.id}?startDate=${start}&endDate=${end}`, { token, headers });
      counter.check(`device results ${round}`, results, results.status === 200 && JSON.stringify(results.body).includes(sampleId));
    }
    expect(counter.wrong).toEqual([]);
    expect(counter.stale).toBe(0);
  });

  it('refuses a malformed consistency token with a clear 400 and changes nothing', async () => {
    const res = await call('GET', '/getReportFormatForTestEntry/?labReportId=1&isSigned=0', { token, headers: { [TOKEN_HEADER]: 'not a token' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: `Invalid ${TOKEN_HEADER} header`, code: 'INVALID_CONSISTENCY_TOKEN' });
  });

  it('still answers 404 Sample not found for a sample the lab really does not have', async () => {
    const res = await call('POST', '/dataPartialFromDevice/', {
      body: { labId, sampleId: `NONE${labId}`, deviceAuth: device.deviceAuth, test_flags: [], data: { values: [{ testName: 'HGB', value: 12 }] } },
    });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Sample not found');
  });
});
