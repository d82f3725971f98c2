import { call, envelopeIsValid, eventually, freshLabId, TopicProbe, tokenFor } from '@labflow/testing';
import { createRerunTest, newLabReport, Stores } from './rerun-fixtures';

/** seed 000: the sample rerun lifecycle through the gateway, followed into every store and topic. */
describe('sample rerun lifecycle (seed 000)', () => {
  const labId = freshLabId();
  let token: string;
  let otherToken: string;
  let testId: number;
  let probe: TopicProbe;
  let stores: Stores;
  const settle = () => new Promise((r) => setTimeout(r, 800));
  const activities = (labReportId: number, code: number) =>
    probe.matching((m) => m.topic === 'activity.logged' && m.envelope.payload.labReportId === labReportId && m.envelope.payload.logCategoryId === code);
  const path = (id: number, action = '') => `/api-v3/sample-rerun/${id}${action ? `/${action}` : ''}`;
  const manualRequest = (over: Record<string, unknown> = {}) => ({
    type: 'Manual', rerun_number: '1', requested_parameters: '[1, 3]', parameter_names: ['WBC Count', 'Hemoglobin'], is_active: true, lab_id: labId, ...over,
  });
  const delivery = (sampleId: string, rerunNumber: number, data: { index: number; value: string; parameter_name: string }[]) => ({
    lab_id: labId, sample_id: sampleId, device_id: '42', device_name: 'Sysmex XN-1000', rerun_type: rerunNumber === -1 ? 'machine_rerun' : 'manual_rerun',
    rerun_number: rerunNumber, device_data: data,
  });

  beforeAll(async () => {
    token = await tokenFor({ lab_id: labId });
    otherToken = await tokenFor({ lab_id: labId + 1 });
    probe = await TopicProbe.start(['activity.logged', 'rerun.request_recorded', 'rerun.values_received', 'rerun.confirmed', 'rerun.cancelled']);
    stores = await Stores.open();
    testId = await createRerunTest(token);
  });
  afterAll(async () => {
    await probe.stop();
    await stores.close();
  });

  it('manual request → partial delivery (flag 3) → remaining delivery (flag 4) → confirm (values replaced, flag 0, all cleared)', async () => {
    const sampleId = `M${labId}`;
    const id = await newLabReport(token, testId, sampleId);

    const requested = await call('POST', path(id, 'request'), { token, body: manualRequest() });
    expect(requested.status).toBe(200);
    expect(requested.body).toEqual({ message: 'Manual Sample rerun requested successfully' });
    expect(await stores.cachedRerun(labId, id)).toBe('1');
    await stores.flagBecomes(id, 3);
    await eventually(() => stores.indexedFlag(id), (f) => f === 3);
    const [recorded] = await probe.waitFor((m) => m.topic === 'rerun.request_recorded' && m.envelope.payload.labReportId === id);
    expect(envelopeIsValid(recorded.envelope)).toEqual([]);
    expect(recorded.key).toBe(String(id));

    const second = await call('POST', path(id, 'request'), { token, body: manualRequest({ rerun_number: '2' }) });
    expect(second.status).toBe(409);
    expect(second.body.message).toBe('A sample rerun is already in progress for this lab report; confirm or abort it first');
    expect(await stores.cachedRerun(labId, id)).toBe('1');

    const partial = await call('POST', path(id, 'new'), { token, body: delivery(sampleId, 1, [{ index: 1, value: '9.8', parameter_name: 'WBC Count' }]) });
    expect(partial.status).toBe(200);
    expect(partial.body).toEqual({ message: 'Rerun data updated', type: 'manual triggered' });
    const [partialEvent] = await probe.waitFor((m) => m.topic === 'rerun.values_received' && m.envelope.payload.labReportId === id);
    expect(partialEvent.envelope.payload).toMatchObject({ fulfilled: false, missingParameters: [3], rerunNumber: 1 });
    await settle();
    expect(await stores.redrawFlag(id)).toBe(3);

    const rest = await call('POST', path(id, 'new'), { token, body: delivery(sampleId, 1, [{ index: 3, value: '13.1', parameter_name: 'Hemoglobin' }, { index: 7, value: '5', parameter_name: 'RBC Count' }]) });
    expect(rest.body).toEqual({ message: 'Rerun data updated', type: 'manual triggered' });
    await stores.flagBecomes(id, 4);

    const values = await call('GET', path(id), { token });
    expect(values.status).toBe(200);
    expect(values.body.reruns.map((r: { index: number }) => r.index).sort()).toEqual([1, 3]); // 7 was not requested
    expect(values.body.reruns[0]).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/), lab_id: labId, sample_id: sampleId, value: '9.8', order: 1, index: 1, rerun_type: 'manual_rerun',
      rerun_number: 1, parameter_name: 'WBC Count', device_id: '42', device_name: 'Sysmex XN-1000', created_at: expect.any(String),
    });

    const confirmed = await call('POST', path(id, 'confirm'), {
      token,
      body: { rerun_confirmed_data: [
        { profileTestId: 500, value: '9.8', order: 1, index: 1, highlight: 1, automatedValue: 0, reportForId_id: id, parameter_name: 'WBC Count' },
        { value: '14.0', index: 3, parameter_name: 'Hemoglobin' },
      ] },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ message: 'Rerun data updated' });
    await stores.flagBecomes(id, 0);
    expect(await stores.reportValues(id)).toEqual([{ index: 1, value: '9.8' }, { index: 3, value: '14.0' }]);
    await eventually(() => stores.indexedFlag(id), (f) => f === 0);
    expect(await stores.cachedRerun(labId, id)).toBeNull();
    await eventually(() => stores.rerunDocuments(labId, id), (n) => n === 0);
    expect((await call('GET', path(id), { token })).body).toEqual({ reruns: [] });

    const [audit] = await probe.waitFor((m) => m.topic === 'rerun.confirmed' && m.envelope.payload.labReportId === id);
    expect(audit.envelope.payload.rerunValues.map((v: { index: number; value: string }) => [v.index, v.value]).sort()).toEqual([[1, '9.8'], [3, '13.1']]);
    expect(audit.envelope.payload.confirmed).toEqual([
      expect.objectContaining({ index: 1, value: '9.8', choice: 'rerun', chosenRerunNumber: 1, profileTestId: 500 }),
      expect.objectContaining({ index: 3, value: '14.0', choice: 'entered' }),
    ]);
    expect(audit.envelope.payload.originalValues).toEqual([]);
    await settle();
    expect(activities(id, 981)).toHaveLength(1);
    expect(activities(id, 980)).toHaveLength(1);
    expect(activities(id, 981)[0].envelope.payload).toMatchObject({ labId, userId: expect.any(String) });
  });

  it('numbers instrument-triggered deliveries from the existing records (1, then 2), flag 4 at once; abort closes it', async () => {
    const sampleId = `T${labId}`;
    const id = await newLabReport(token, testId, sampleId);
    const first = await call('POST', path(id, 'new'), { token, body: delivery(sampleId, -1, [{ index: 1, value: '12.5', parameter_name: 'WBC Count' }]) });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ message: 'Rerun data updated', type: 'instrument triggered' });
    await stores.flagBecomes(id, 4);
    const secondDelivery = await call('POST', path(id, 'new'), { token, body: delivery(sampleId, -1, [{ index: 1, value: '12.7', parameter_name: 'WBC Count' }, { index: 5, value: '210', parameter_name: 'Platelets' }]) });
    expect(secondDelivery.body).toEqual({ message: 'Rerun data updated', type: 'instrument triggered' });
    const values = (await call('GET', path(id), { token })).body.reruns as { index: number; rerun_number: number; value: string; order: number }[];
    expect(values.map((v) => [v.rerun_number, v.index, v.value, v.order])).toEqual([[1, 1, '12.5', 1], [2, 1, '12.7', 2], [2, 5, '210', 1]]);

    const headers = { 'idempotency-key': `abort-${id}` };
    const aborted = await call('POST', path(id, 'abort'), { token, headers });
    expect(aborted.status).toBe(200);
    expect(aborted.body).toEqual({ message: 'Successfully aborted sample rerun' });
    const retried = await call('POST', path(id, 'abort'), { token, headers }); // a client retry: same answer, applied once
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ message: 'Successfully aborted sample rerun' });
    await stores.flagBecomes(id, 0);
    await eventually(() => stores.rerunDocuments(labId, id), (n) => n === 0);
    expect(await stores.cachedRerun(labId, id)).toBeNull();
    const again = await call('POST', path(id, 'abort'), { token });
    expect(again.status).toBe(404);
    expect(again.body.message).toBe('No sample rerun in progress for this lab report');
    await settle();
    expect(activities(id, 985)).toHaveLength(1);
    expect(probe.matching((m) => m.topic === 'rerun.cancelled' && m.envelope.payload.labReportId === id)).toHaveLength(1);
  });

  it('keeps every parameter of concurrent deliveries for one report', async () => {
    const sampleId = `C${labId}`;
    const id = await newLabReport(token, testId, sampleId);
    await call('POST', path(id, 'request'), { token, body: manualRequest({ requested_parameters: '[1, 3, 5, 7]' }) });
    const parts = [[1, 'WBC Count'], [3, 'Hemoglobin'], [5, 'Platelets'], [7, 'RBC Count']] as const;
    const replies = await Promise.all(parts.map(([index, name]) => call('POST', path(id, 'new'), { token, body: delivery(sampleId, 1, [{ index, value: `${index}.5`, parameter_name: name }]) })));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await stores.flagBecomes(id, 4);
    expect(((await call('GET', path(id), { token })).body.reruns as { index: number }[]).map((r) => r.index).sort()).toEqual([1, 3, 5, 7]);
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const sampleId = `B${labId}`;
    const id = await newLabReport(token, testId, sampleId);
    const unknown = await call('POST', path(id, 'request'), { token, body: manualRequest({ created_by: 7 }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('property created_by should not exist');
    const malformed = await call('POST', path(id, 'request'), { token, body: manualRequest({ requested_parameters: '[1, 3' }) });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toBe('requested_parameters must be a JSON array of parameter indexes as a string, e.g. "[1, 3, 5]"');
    const numberNotString = await call('POST', path(id, 'request'), { token, body: manualRequest({ rerun_number: 1 }) });
    expect(numberNotString.status).toBe(400);
    const notAParameter = await call('POST', path(id, 'request'), { token, body: manualRequest({ requested_parameters: '[2]' }) });
    expect(notAParameter.status).toBe(400);
    expect(notAParameter.body.message).toBe('requested_parameters: index 2 is not a parameter of this test');
    const otherLab = await call('POST', path(id, 'request'), { token: otherToken, body: manualRequest({ lab_id: undefined }) });
    expect(otherLab.status).toBe(404);
    expect(otherLab.body.message).toBe('Lab report not found');
    expect((await call('GET', path(id), { token: otherToken })).status).toBe(404);
    const notRequested = await call('POST', path(id, 'new'), { token, body: delivery(sampleId, 1, [{ index: 1, value: '1', parameter_name: 'WBC Count' }]) });
    expect(notRequested.status).toBe(404);
    expect(notRequested.body.message).toBe('No sample rerun 1 was requested for this lab report');
    const extraOnNew = await call('POST', path(id, 'new'), { token, body: { ...delivery(sampleId, -1, [{ index: 1, value: '1', parameter_name: 'WBC Count' }]), sampleRedrawFlag: 4 } });
    expect(extraOnNew.status).toBe(400);
    expect(extraOnNew.body.message).toBe('property sampleRedrawFlag should not exist');
    const extraOnConfirm = await call('POST', path(id, 'confirm'), { token, body: { rerun_confirmed_data: [{ index: 1, value: '1' }], is_signed: 1 } });
    expect(extraOnConfirm.status).toBe(400);
    expect(extraOnConfirm.body.message).toBe('property is_signed should not exist');
    const nothingToConfirm = await call('POST', path(id, 'confirm'), { token, body: { rerun_confirmed_data: [{ index: 1, value: '1' }] } });
    expect(nothingToConfirm.status).toBe(404);
    expect(nothingToConfirm.body.message).toBe('No sample rerun in progress for this lab report');
    const noId = await call('GET', '/api-v3/sample-rerun/', { token });
    expect(noId.status).toBe(400);
    expect(noId.body.message).toBe('lab_report_id is required');
    await settle();
    expect(await stores.redrawFlag(id)).toBe(0);
    expect(await stores.cachedRerun(labId, id)).toBeNull();
    expect(await stores.rerunDocuments(labId, id)).toBe(0);
    expect(probe.matching((m) => m.envelope.payload.labReportId === id)).toHaveLength(0);
  });
});
