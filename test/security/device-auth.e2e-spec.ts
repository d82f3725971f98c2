import { Client } from 'pg';
import { call, eventually, freshLabId, TopicProbe, WebhookReceiver } from '@labflow/testing';
import { buildLabWorld, HGB_CODE, LabWorld } from './support/lab-world';

/**
 * seed 002 §2 step 1: an analyzer payload authenticates with its device's deviceAuth, bound to one
 * device of one lab. A wrong, missing or foreign token is a 401 and stores nothing: the report
 * entry, the device results awaiting validation, the payload log and the topic stay as they were.
 */
describe('dataPartialFromDevice refuses a payload without its own device\'s deviceAuth', () => {
  let hooks: WebhookReceiver;
  let probe: TopicProbe;
  let pg: Client;
  let a: LabWorld;
  let b: LabWorld;

  const payload = (labId: number, sampleId: string, deviceAuth: string | undefined) => ({
    labId, sampleId, ...(deviceAuth === undefined ? {} : { deviceAuth }), test_flags: ['Injected'],
    data: { values: [{ testName: HGB_CODE, value: 14.2, param_flags: ['N'] }] },
  });
  const validationDates = () => `startDate=${new Date(Date.now() - 86_400_000).toISOString()}&endDate=${new Date(Date.now() + 86_400_000).toISOString()}`;

  /** What lab `w` stores of its analyzer results, read through the gateway and from device-ingestion's payload log. */
  async function stored(w: LabWorld): Promise<unknown> {
    const entry = await call('GET', `/getReportFormatForTestEntry/?labReportId=${w.labReportId}&isSigned=0`, { token: w.token });
    const validation = await call('GET', `/api-v3/interfacing/device-results-validation/${w.deviceId}?${validationDates()}`, { token: w.token });
    const { rows } = await pg.query('SELECT result_id FROM device_ingestion.device_payloads WHERE lab_id = $1 ORDER BY result_id', [w.labId]);
    expect([entry.status, validation.status]).toEqual([200, 200]);
    return { values: entry.body.value, meta: entry.body.labReportSigningMeta, validation: validation.body, payloads: rows };
  }

  beforeAll(async () => {
    hooks = await WebhookReceiver.start();
    probe = await TopicProbe.start(['device.data.received']);
    pg = new Client({ connectionString: process.env.POSTGRES_URL });
    await pg.connect();
    const labA = freshLabId();
    a = await buildLabWorld(labA, hooks);
    b = await buildLabWorld(labA + 1, hooks);
    // the probe has read up to the analyzer results the labs were built with
    await probe.waitFor((m) => m.envelope.labId === a.labId);
    await probe.waitFor((m) => m.envelope.labId === b.labId);
  });
  afterAll(async () => {
    await probe.stop();
    await pg.end();
    await hooks.stop();
  });

  it.each([
    ['a wrong deviceAuth', () => payload(a.labId, a.sampleId, '00000000-0000-4000-8000-000000000000')],
    ['no deviceAuth', () => payload(a.labId, a.sampleId, undefined)],
    ['an empty deviceAuth', () => payload(a.labId, a.sampleId, '')],
    ['the deviceAuth of a real device of another lab, with this lab\'s id and sample', () => payload(a.labId, a.sampleId, b.deviceAuth)],
    ['this lab\'s deviceAuth with another lab\'s id and sample', () => payload(b.labId, b.sampleId, a.deviceAuth)],
  ])('401 for %s, nothing stored', async (_name, body) => {
    const events = () => probe.matching((m) => m.envelope.labId === a.labId || m.envelope.labId === b.labId).length;
    const before = { a: await stored(a), b: await stored(b), events: events() };
    const res = await call('POST', '/dataPartialFromDevice/', { body: body() });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, message: 'Invalid device authentication', code: 'INVALID_DEVICE_AUTH' });
    await new Promise((r) => setTimeout(r, 800));
    expect({ a: await stored(a), b: await stored(b), events: events() }).toEqual(before);
  });

  it('accepts the device\'s own payload, and the comparison above sees what it stores', async () => {
    const before = (await stored(a)) as { values: unknown; validation: unknown; payloads: unknown[] };
    const res = await call('POST', '/dataPartialFromDevice/', { body: payload(a.labId, a.sampleId, a.deviceAuth) });
    expect(res.status).toBe(200);
    await probe.waitFor((m) => m.envelope.payload.resultId === res.body.resultId);
    const after = await eventually(() => stored(a) as Promise<typeof before>, (s) => JSON.stringify(s.values) !== JSON.stringify(before.values));
    expect(after.payloads).toHaveLength(before.payloads.length + 1);
    expect(JSON.stringify(after.validation)).not.toBe(JSON.stringify(before.validation));
  });
});
