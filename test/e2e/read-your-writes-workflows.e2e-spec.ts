import { call, freshLabId, tokenFor } from '@labflow/testing';
import { analyzerFor, createDepartmentTest, registerBill } from './critical-callout-fixtures';
import { createRerunTest, newLabReport } from './rerun-fixtures';
import { StaleCounter, TOKEN_HEADER, tokenOf } from './support/consistency';
import { labResults, labStatus, orderTokens, placeOrder } from './support/orders.fixtures';
import { actionsPath, specimenLab, specimenPath } from './support/specimen-fixtures';

const ROUNDS = 50;

/**
 * Read your writes (issue 19) for the pairs the specifications imply beyond analyzer results: each
 * write is followed at once, ROUNDS times, by the reads a technologist or a partner makes next. No
 * retry, no wait: every wrong or stale answer is counted.
 */
describe('read your writes: reruns, callouts, specimens, orders', () => {
  const labId = freshLabId();
  let token: string;

  beforeAll(async () => {
    token = await tokenFor({ lab_id: labId, login_type: 'lab_user', sub: '7', name: 'Dr. Smith' });
  });

  it(`rerun request / new values / confirm / abort → rerun fetch, sampleRedrawFlag in report entry and overview (${ROUNDS} rounds)`, async () => {
    const counter = new StaleCounter();
    const testId = await createRerunTest(token, 'RYW rerun');
    const path = (id: number, action = '') => `/api-v3/sample-rerun/${id}${action ? `/${action}` : ''}`;
    const request = (id: number, rerun_number: string) => call('POST', path(id, 'request'), {
      token, body: { type: 'Manual', rerun_number, requested_parameters: '[1, 3]', parameter_names: ['WBC Count', 'Hemoglobin'], is_active: true, lab_id: labId },
    });
    const flags = async (what: string, id: number, flag: number) => {
      const entry = await call('GET', `/getReportFormatForTestEntry/?labReportId=${id}&isSigned=0`, { token });
      counter.check(`${what}: entry flag`, entry, entry.body?.labReportSigningMeta?.sampleRedrawFlag === flag);
      const overview = await call('GET', `/api-v3/patient/${id}/all-reports`, { token });
      counter.check(`${what}: overview flag`, overview, overview.body?.reports?.[0]?.sampleRedrawFlag === flag);
      return entry;
    };
    for (let round = 0; round < ROUNDS; round++) {
      const sampleId = `RR${labId}-${round}`;
      const id = await newLabReport(token, testId, sampleId);
      counter.check(`request ${round}`, await request(id, '1'), true);
      await flags(`request ${round}`, id, 3);

      const delivered = await call('POST', path(id, 'new'), {
        token, body: { lab_id: labId, sample_id: sampleId, device_id: '42', device_name: 'Sysmex', rerun_type: 'manual_rerun', rerun_number: 1,
          device_data: [{ index: 1, value: String(100 + round), parameter_name: 'WBC Count' }, { index: 3, value: '13.1', parameter_name: 'Hemoglobin' }] },
      });
      counter.check(`new ${round}`, delivered, delivered.status === 200);
      const fetched = await call('GET', path(id), { token });
      counter.check(`new ${round}: fetch`, fetched, fetched.body?.reruns?.length === 2);
      await flags(`new ${round}`, id, 4);

      const confirmed = await call('POST', path(id, 'confirm'), { token, body: { rerun_confirmed_data: [{ index: 1, value: String(100 + round) }, { index: 3, value: '14.0' }] } });
      counter.check(`confirm ${round}`, confirmed, confirmed.status === 200);
      const entry = await flags(`confirm ${round}`, id, 0);
      counter.check(`confirm ${round}: values`, entry, entry.body?.value?.some((v: { index: number; value: unknown }) => v.index === 1 && Number(v.value) === 100 + round));
      const cleared = await call('GET', path(id), { token });
      counter.check(`confirm ${round}: fetch`, cleared, JSON.stringify(cleared.body) === '{"reruns":[]}');

      counter.check(`second request ${round}`, await request(id, '2'), true);
      const aborted = await call('POST', path(id, 'abort'), { token });
      counter.check(`abort ${round}`, aborted, aborted.status === 200);
      await flags(`abort ${round}`, id, 0);
    }
    expect(counter.wrong).toEqual([]);
    expect(counter.stale).toBe(0);
  });

  it(`critical callout draft / attempt / done → records, logs, export (${ROUNDS} rounds)`, async () => {
    const counter = new StaleCounter();
    const haem = await createDepartmentTest(token, 'RYW Haematology', 3);
    const deviceAuth = await analyzerFor(token, { HGB: haem });
    const callout = (billId: number, body: Record<string, unknown>) => call('POST', `/report/${billId}/critical/callout`, { token, body });
    for (let round = 0; round < ROUNDS; round++) {
      const sampleId = `CR${labId}-${round}`;
      const bill = await registerBill(token, sampleId, [haem], 21);
      const report = bill.reportOf(haem);
      const upload = await call('POST', '/dataPartialFromDevice/', { body: { labId, sampleId, deviceAuth, test_flags: [], data: { values: [{ testName: 'HGB', value: 25 }] } } });
      counter.check(`upload ${round}`, upload, upload.status === 200);
      const records = (headers: Record<string, string> = {}) => call('GET', `/report/${bill.billId}/critical/records`, { token, headers });
      const statusOf = (res: { body: { reports?: { lab_report: { labReportId: number; criticalValues: string } }[] } }) =>
        res.body.reports?.find((r) => r.lab_report.labReportId === report)?.lab_report.criticalValues;
      const pending = await records({ [TOKEN_HEADER]: tokenOf(upload) });
      counter.check(`upload ${round}: records`, pending, statusOf(pending) === 'pending');

      const comment = `Calling ward ${round}`;
      const draft = await callout(bill.billId, { status: 'draft', lab_report_ids: [report], recipients: ['Doctor'], communication_methods: ['phone'], critical_callout_comment: comment });
      counter.check(`draft ${round}`, draft, draft.status === 201);
      const restored = await records();
      counter.check(`draft ${round}: records`, restored, restored.body.attempted_callout?.critical_callout_comment === comment);

      const attempt = await callout(bill.billId, { status: 'attempted', lab_report_ids: [report], recipients: ['Doctor'], communication_methods: ['phone'], critical_callout_comment: 'No answer' });
      counter.check(`attempt ${round}`, attempt, attempt.status === 201);
      const attempted = await records();
      counter.check(`attempt ${round}: records`, attempted, statusOf(attempted) === 'attempted');
      const logs = await call('GET', `/report/bulk/critical-notification/logs?report_ids=${report}`, { token });
      counter.check(`attempt ${round}: logs`, logs, Array.isArray(logs.body) && logs.body.length === 2);

      const done = await callout(bill.billId, {
        status: 'done', lab_report_ids: [report], recipients: ['Doctor'], communication_methods: ['phone'], contacted_person: 'Dr. Mehta', read_back: true,
      });
      counter.check(`done ${round}`, done, done.status === 201);
      const closed = await records();
      counter.check(`done ${round}: records`, closed, statusOf(closed) === 'done' && JSON.stringify(closed.body.attempted_callout) === '{}');
      const doneLogs = await call('GET', `/report/bulk/critical-notification/logs?report_ids=${report}`, { token });
      counter.check(`done ${round}: logs`, doneLogs, Array.isArray(doneLogs.body) && doneLogs.body.length === 3);
      const exported = await call('POST', '/operation/critical-callout', { token, body: { lab_report_ids: [report] } });
      counter.check(`done ${round}: export`, exported, JSON.stringify(exported.body).includes('"status":"done"'));
    }
    expect(counter.wrong).toEqual([]);
    expect(counter.stale).toBe(0);
  });

  it(`registration → specimen PATCH → job and specimen (${ROUNDS} rounds)`, async () => {
    const counter = new StaleCounter();
    const lab = await specimenLab(labId);
    const clerk = await lab.userToken();
    const testId = await createDepartmentTest(token, 'RYW specimen test', 3);
    for (let round = 0; round < ROUNDS; round++) {
      const registered = await call('POST', '/api-v3/registrations', {
        token, body: { patient: { name: 'Test Patient', dateOfBirth: '1980-02-29', gender: 'female' }, samples: [{ sampleId: `SP${labId}-${round}`, collectedAt: new Date(Date.now() - 3_600_000).toISOString() }], tests: [{ testId, sampleId: `SP${labId}-${round}` }] },
      });
      const specimenId: string = registered.body.samples[0].specimenId;
      // the clerk is another caller: the registration's token makes its PATCH wait for the specimen to be known
      const headers = { [TOKEN_HEADER]: tokenOf(registered) };
      const receivedTime = new Date(Date.now() - 60_000).toISOString();
      const patched = await call('PATCH', actionsPath(registered.body.patientId, specimenId), { token: clerk, headers, body: { received_time: receivedTime } });
      counter.check(`patch ${round}`, patched, patched.status === 200 && typeof patched.body.id === 'string');
      if (patched.status !== 200) continue;
      const job = await call('GET', `/api/jobs/${patched.body.id}`, { token: clerk });
      counter.check(`patch ${round}: job`, job, job.status === 200 && ['pending', 'processed'].includes(job.body.status));
      const specimen = await call('GET', specimenPath(registered.body.patientId, specimenId), { token: clerk });
      const received = specimen.body.received_time !== null;
      // the job may still be pending: then the job says so; once it is not, the specimen shows the time
      counter.check(`patch ${round}: specimen`, specimen, specimen.status === 200 && (received || job.body.status === 'pending'));
    }
    expect(counter.wrong).toEqual([]);
    expect(counter.stale).toBe(0);
  });

  it(`order placement / lab status / lab results → order and transaction reads (${ROUNDS} rounds)`, async () => {
    const counter = new StaleCounter();
    const tokens = await orderTokens(labId);
    for (let round = 0; round < ROUNDS; round++) {
      const placed = await placeOrder(tokens.client, { biomarkers: ['glucose'] });
      const orderId: string = placed.body.order_id;
      const order = await call('GET', `/v3/order/${orderId}`, { token: tokens.client });
      counter.check(`place ${round}: order`, order, order.status === 200);
      const transaction = await call('GET', `/v3/order_transaction/${placed.body.order_transaction_id}`, { token: tokens.client });
      counter.check(`place ${round}: transaction`, transaction, transaction.status === 200);
      counter.check(`status ${round}`, await labStatus(tokens.lab, orderId, 'requisition_created'), true);
      counter.check(`status ${round}`, await labStatus(tokens.lab, orderId, 'sample_received'), true);
      const results = await labResults(tokens.lab, orderId, true, [{ biomarker: 'glucose', result: `9${round}`, unit: 'mg/dL' }]);
      counter.check(`results ${round}`, results, results.status === 200);
      const result = await call('GET', `/v3/order/${orderId}/result`, { token: tokens.client });
      counter.check(`results ${round}: order result`, result, JSON.stringify(result.body).includes(`"9${round}"`));
      const combined = await call('GET', `/v3/order_transaction/${placed.body.order_transaction_id}/result`, { token: tokens.client });
      counter.check(`results ${round}: transaction result`, combined, JSON.stringify(combined.body).includes(`"9${round}"`));
    }
    expect(counter.wrong).toEqual([]);
    expect(counter.stale).toBe(0);
  });
});
