import { call, eventually, freshLabId, TopicProbe, tokenFor } from '@labflow/testing';
import { CHILD, createRerunTest, newLabReport, Stores } from './rerun-fixtures';

/** seed 000 §6: auto-rerun qualification over HTTP and on every analyzer result (device.data.received). */
describe('auto rerun (seed 000 §6)', () => {
  const labId = freshLabId();
  let token: string;
  let testId: number;
  let probe: TopicProbe;
  let stores: Stores;
  let seq = 0;
  const settle = () => new Promise((r) => setTimeout(r, 800));
  const report = async (patient?: typeof CHILD) => newLabReport(token, testId, `A${labId}-${(seq += 1)}`, patient);
  const auto = (id: number, device_data: { index: number; value: string | number }[]) => call('POST', `/api-v3/sample-rerun/${id}/auto`, { token, body: { device_data } });
  const requestedFor = (id: number) => probe.matching((m) => m.topic === 'rerun.requested' && m.envelope.payload.labReportId === id);

  beforeAll(async () => {
    token = await tokenFor({ lab_id: labId });
    probe = await TopicProbe.start(['rerun.requested', 'activity.logged', 'device.data.received']);
    stores = await Stores.open();
    testId = await createRerunTest(token, 'CBC auto');
  });
  afterAll(async () => {
    await probe.stop();
    await stores.close();
  });

  /** The queued auto rerun is requested by the rerun app itself, as the system user (-1). */
  async function expectAutoRequested(id: number, indexes: number[]): Promise<void> {
    const [event] = await probe.waitFor((m) => m.topic === 'rerun.requested' && m.envelope.payload.labReportId === id);
    expect(event.envelope.payload).toMatchObject({ type: 'auto', rerun_number: '1', requested_parameters: JSON.stringify(indexes), is_active: true, lab_id: labId });
    await stores.flagBecomes(id, 3);
    expect(await stores.cachedRerun(labId, id)).toBe('1');
    const [activity] = await probe.waitFor((m) => m.topic === 'activity.logged' && m.envelope.payload.labReportId === id && m.envelope.payload.logCategoryId === 981);
    expect(activity.envelope.payload.userId).toBe('-1');
  }

  it('abnormal: outside the reference range qualifies; inside does not', async () => {
    const id = await report();
    const inside = await auto(id, [{ index: 1, value: '8' }]);
    expect(inside.status).toBe(200);
    expect(inside.body).toEqual({ message: "Auto rerun didn't qualify for these values" });
    const outside = await auto(id, [{ index: 1, value: '15.2' }, { index: 7, value: '9' }]);
    expect(outside.body).toEqual({ message: 'Auto rerun queued successfully' });
    await expectAutoRequested(id, [1]);
  });

  it('critical with the age-specific range: haemoglobin 19 qualifies for a child, not for an adult', async () => {
    const adult = await report();
    expect((await auto(adult, [{ index: 3, value: 19 }])).body).toEqual({ message: "Auto rerun didn't qualify for these values" });
    const child = await report(CHILD);
    expect((await auto(child, [{ index: 3, value: 19 }])).body).toEqual({ message: 'Auto rerun queued successfully' });
    await expectAutoRequested(child, [3]);
    await settle();
    expect(requestedFor(adult)).toHaveLength(0);
    expect(await stores.redrawFlag(adult)).toBe(0);
  });

  it('custom: outside auto_rerun_lower/upper qualifies; non-numeric never does; a second check returns early', async () => {
    const id = await report();
    expect((await auto(id, [{ index: 5, value: 'Clumped' }, { index: 1, value: 'Clotted' }])).body).toEqual({ message: "Auto rerun didn't qualify for these values" });
    expect((await auto(id, [{ index: 5, value: '1200' }])).body).toEqual({ message: 'Auto rerun queued successfully' });
    await expectAutoRequested(id, [5]);
    const again = await auto(id, [{ index: 5, value: '1500' }]);
    expect(again.body).toEqual({ message: 'A sample rerun already exists for this lab report' });
    await settle();
    expect(requestedFor(id)).toHaveLength(1);
  });

  it('refuses an unknown field and another lab\'s report', async () => {
    const id = await report();
    const unknown = await call('POST', `/api-v3/sample-rerun/${id}/auto`, { token, body: { device_data: [{ index: 1, value: '20' }], force: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('property force should not exist');
    const other = await call('POST', `/api-v3/sample-rerun/${id}/auto`, { token: await tokenFor({ lab_id: labId + 1 }), body: { device_data: [{ index: 1, value: '20' }] } });
    expect(other.status).toBe(404);
    expect(other.body.message).toBe('Lab report not found');
    await settle();
    expect(requestedFor(id)).toHaveLength(0);
  });

  it('an analyzer result (dataPartialFromDevice → device.data.received) triggers the auto rerun without any rerun call', async () => {
    const sampleId = `E${labId}`;
    const id = await newLabReport(token, testId, sampleId);
    const device = (await call('POST', '/api-v3/devices', { token, body: { name: 'Sysmex XN-1000' } })).body;
    const mapping = await call('POST', `/api-v3/devices/${device.id}/mappings`, {
      token, body: { testId, functionName: 'PartialFill', parameters: [{ testName: 'wbc', index: 1 }, { testName: 'hgb', index: 3 }] },
    });
    expect(mapping.status).toBe(201);
    const res = await eventually(
      () => call('POST', '/dataPartialFromDevice/', { body: { labId, sampleId, deviceAuth: device.deviceAuth, data: { values: [{ testName: 'wbc', value: 25.3 }, { testName: 'hgb', value: 13 }] } } }),
      (r) => r.status !== 404,
    );
    expect(res.status).toBe(200);
    await probe.waitFor((m) => m.topic === 'device.data.received' && m.envelope.payload.resultId === res.body.resultId);
    await expectAutoRequested(id, [1]);
    await settle();
    expect(requestedFor(id)).toHaveLength(1);
  });

  it('a burst of uploads (decided together when they arrive together) queues one auto rerun for each report that qualifies, none for the others', async () => {
    const device = (await call('POST', '/api-v3/devices', { token, body: { name: 'Sysmex XN-2000' } })).body;
    await call('POST', `/api-v3/devices/${device.id}/mappings`, {
      token, body: { testId, functionName: 'PartialFill', parameters: [{ testName: 'wbc', index: 1 }, { testName: 'plt', index: 5 }] },
    });
    // wbc outside 4-11 qualifies (abnormal); plt outside 50-1000 qualifies (custom); both normal: nothing
    const uploads = [{ wbc: 25, plt: 200 }, { wbc: 7, plt: 200 }, { wbc: 7, plt: 20 }, { wbc: 30, plt: 1500 }, { wbc: 8, plt: 300 }, { wbc: 12, plt: 250 }];
    const expected = [[1], [], [5], [1, 5], [], [1]];
    const samples = uploads.map((_, i) => `B${labId}-${i}`);
    const ids = await Promise.all(samples.map((sampleId) => newLabReport(token, testId, sampleId)));
    const post = (i: number) => call('POST', '/dataPartialFromDevice/', {
      body: { labId, sampleId: samples[i], deviceAuth: device.deviceAuth, data: { values: [{ testName: 'wbc', value: uploads[i].wbc }, { testName: 'plt', value: uploads[i].plt }] } },
    });
    // all at once (each again while its sample has not reached device-ingestion yet)
    const answers = await Promise.all(uploads.map((_, i) => eventually(() => post(i), (r) => r.status !== 404)));
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    for (const [i, indexes] of expected.entries()) if (indexes.length > 0) await expectAutoRequested(ids[i], indexes);
    await settle();
    expect(expected.map((_, i) => requestedFor(ids[i]).length)).toEqual(expected.map((indexes) => (indexes.length > 0 ? 1 : 0)));
  });
});
