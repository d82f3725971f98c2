import { Client } from '@elastic/elasticsearch';
import { Kafka, logLevel } from 'kafkajs';
import { call, eventually, freshLabId, TopicProbe, tokenFor } from '@labflow/testing';
import { createTest, registerPatient, Registered } from './lab-fixtures';

const FLAGS = ['DUMMY TEST FLAG1', 'FLAG2'];
const PARAM_FLAGS = ['P1', 'H~N'];

describe('machine flags end to end (seed 002): configure, ingest, read back', () => {
  const labId = freshLabId();
  const sampleId = `M${labId}`;
  let token: string;
  let probe: TopicProbe;
  let device: { id: number; deviceAuth: string };
  let registered: Registered;
  let cbcReport: number;
  let plainReport: number;

  beforeAll(async () => {
    token = await tokenFor({ lab_id: labId });
    probe = await TopicProbe.start(['device.data.received', 'report.values_updated']);
    const cbc = await createTest(token, true, 'CBC');
    const plain = await createTest(token, false, 'Haemogram');
    registered = await registerPatient(token, sampleId, [cbc, plain]);
    cbcReport = registered.labReports[0].labReportId;
    plainReport = registered.labReports[1].labReportId;
    device = (await call('POST', '/api-v3/devices', { token, body: { name: 'Alinity' } })).body;
    for (const testId of [cbc, plain]) {
      const res = await call('POST', `/api-v3/devices/${device.id}/mappings`, {
        token, body: { testId, functionName: 'PartialFill', parameters: [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 5 }] },
      });
      expect(res.status).toBe(201);
    }
    const accepted = await eventually(
      () => call('POST', '/dataPartialFromDevice/', {
        body: { labId, sampleId, deviceAuth: device.deviceAuth, test_flags: FLAGS, data: { values: [{ testName: 'hmg', value: 110.12, param_flags: PARAM_FLAGS }] } },
      }),
      (r) => r.status !== 404,
    );
    expect(accepted.status).toBe(200);
    await probe.waitFor((m) => m.topic === 'report.values_updated' && m.envelope.payload.labId === labId, 2);
  });
  afterAll(() => probe.stop());

  it('publishes device.data.received exactly once and report.values_updated per report with the critical evaluation', async () => {
    await new Promise((r) => setTimeout(r, 500));
    expect(probe.matching((m) => m.topic === 'device.data.received' && m.envelope.payload.labId === labId)).toHaveLength(1);
    const updates = probe.matching((m) => m.topic === 'report.values_updated' && m.envelope.payload.labId === labId);
    expect(updates.map((u) => u.envelope.payload.labReportId).sort()).toEqual([cbcReport, plainReport].sort());
    const cbcUpdate = updates.find((u) => u.envelope.payload.labReportId === cbcReport)!;
    expect(cbcUpdate.key).toBe(String(cbcReport));
    expect(cbcUpdate.envelope.payload).toMatchObject({
      applied: true, documentReport: 1, testFlags: FLAGS, criticalValues: 'pending', source: 'device', deviceId: device.id,
      values: [{ index: 4, value: '110.12', numericValue: 110.12, abnormal: true, critical: true, paramFlags: PARAM_FLAGS, interpretation: ['', 'H'] }],
    });
  });

  it('applies a redelivered device.data.received once (inbox)', async () => {
    const [original] = probe.matching((m) => m.topic === 'device.data.received' && m.envelope.payload.labId === labId);
    const kafka = new Kafka({ clientId: 'test-redelivery', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: `${process.env.KAFKA_TOPIC_PREFIX ?? ''}device.data.received`,
      messages: [{ key: original.key, value: original.raw.value, headers: original.raw.headers }],
    });
    await producer.disconnect();
    await probe.waitFor((m) => m.topic === 'device.data.received' && m.envelope.id === original.envelope.id, 2);
    await new Promise((r) => setTimeout(r, 2000));
    expect(probe.matching((m) => m.topic === 'report.values_updated' && m.envelope.payload.labId === labId)).toHaveLength(2);
  });

  it('report entry shows the document report value with device_name, test_flags and param_flags', async () => {
    const res = await call('GET', `/getReportFormatForTestEntry/?labReportId=${cbcReport}&isSigned=0`, { token });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['calculationList', 'historicalValuesByIndex', 'labReportSigningMeta', 'qcArray', 'reportFormat', 'value', 'verification']);
    expect(res.body.value).toEqual([{ index: 4, value: 110.12, device_name: 'Alinity', test_flags: FLAGS, param_flags: PARAM_FLAGS, param_flag_interpretations: ['', 'H'] }]);
    expect(res.body.reportFormat.find((p: { index: number }) => p.index === 4)).toMatchObject({ name: 'Haemoglobin', effective_upper: 15.5, effective_critical_upper: 100 });
    expect(res.body.calculationList).toEqual([{ index: 6, expression: '({4} * 10) / {5}', decimals: 1, testId: registered.labReports[0].testId }]);
    expect(res.body.labReportSigningMeta).toMatchObject({ labReportId: cbcReport, isSigned: 0, criticalValues: 'pending' });
  });

  it('a non-document report keeps the value without flags', async () => {
    const res = await call('GET', `/getReportFormatForTestEntry/?labReportId=${plainReport}&isSigned=0`, { token });
    expect(res.status).toBe(200);
    expect(res.body.value).toEqual([{ index: 4, value: 110.12 }]);
    expect(res.body.labReportSigningMeta.criticalValues).toBe('pending');
  });

  it('patient overview carries the flags in report_result_mapper', async () => {
    const res = await call('GET', `/api-v3/patient/${cbcReport}/all-reports`, { token });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['calculations_mapper', 'patient', 'qc_values', 'report_format_mapper', 'report_result_mapper', 'reports', 'verification_mapper']);
    expect(res.body.report_result_mapper[String(cbcReport)]).toEqual([
      { index: 4, value: 110.12, device_name: 'Alinity', test_flags: FLAGS, param_flags: PARAM_FLAGS, param_flag_interpretations: ['', 'H'] },
    ]);
    expect(res.body.report_result_mapper[String(plainReport)]).toEqual([{ index: 4, value: 110.12 }]);
    expect(res.body.reports).toHaveLength(2);
    expect(res.body.reports[0]).toMatchObject({ labReportId: cbcReport, testName: 'CBC', criticalValues: 'pending', department: 3, dismissed: 0, sampleCollected: 1 });
    // 110.12 is critical for this patient and Haemoglobin allows an auto rerun on a critical value:
    // the rerun app queues one from device.data.received, and reporting moves the flag to 3.
    await eventually(
      async () => (await call('GET', `/api-v3/patient/${cbcReport}/all-reports`, { token })).body.reports[0].sampleRedrawFlag,
      (flag) => flag === 3,
    );
    expect(res.body.patient).toEqual({ patientId: registered.patientId, name: 'Asha Rao', dateOfBirth: '1984-02-29', gender: 'female' });
  });

  it('device results validation lists the value with its flags and related report', async () => {
    const start = new Date(Date.now() - 3_600_000).toISOString();
    const end = new Date(Date.now() + 3_600_000).toISOString();
    const res = await call('GET', `/api-v3/interfacing/device-results-validation/${device.id}?startDate=${start}&endDate=${end}`, { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ device_id: device.id, device_name: 'Alinity' });
    expect(res.body.results).toHaveLength(2);
    const cbcResult = res.body.results.find((r: { labReportId: number }) => r.labReportId === cbcReport);
    expect(cbcResult.value).toEqual([{ value: 110.12, test_flags: FLAGS, param_flags: PARAM_FLAGS }]);
    expect(cbcResult.related_reports).toEqual([{
      labReportId: cbcReport, report_name: 'CBC', parameter_index: 4, parameter_name: 'Haemoglobin',
      linearity_ranges: { lower: 0, upper: 250 }, parameter_historical_values: [],
    }]);
    expect(res.body.bill_and_user_details_by_sample[sampleId]).toMatchObject({ billId: registered.billId, doctorId: 21, patient: { name: 'Asha Rao' } });
  });

  it.each([
    ['startDate=yesterday&endDate=2026-05-26T18:29:59.000Z', 'startDate must be an ISO 8601 date-time'],
    ['startDate=2026-05-26T18:29:59.000Z', 'endDate must be an ISO 8601 date-time'],
    ['startDate=2026-05-26T18:29:59.000Z&endDate=2026-05-25T18:30:00.000Z', 'startDate must not be after endDate'],
  ])('device results validation refuses bad dates (%s)', async (query, message) => {
    const res = await call('GET', `/api-v3/interfacing/device-results-validation/${device.id}?${query}`, { token });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  it('reads are tenant-scoped: another lab gets 404', async () => {
    const other = await tokenFor({ lab_id: labId + 1 });
    const entry = await call('GET', `/getReportFormatForTestEntry/?labReportId=${cbcReport}&isSigned=0`, { token: other });
    expect(entry.status).toBe(404);
    expect(entry.body.message).toBe('Lab report not found');
    const overview = await call('GET', `/api-v3/patient/${cbcReport}/all-reports`, { token: other });
    expect(overview.status).toBe(404);
    const results = await call('GET', `/api-v3/interfacing/device-results-validation/${device.id}?startDate=2026-05-25T18:30:00.000Z&endDate=2026-05-26T18:29:59.000Z`, { token: other });
    expect(results.status).toBe(404);
    expect(results.body.message).toBe('Device not found');
  });

  it('a later partial payload fills another parameter and the calculation, keeping earlier flags', async () => {
    const res = await call('POST', '/dataPartialFromDevice/', {
      body: { labId, sampleId, deviceAuth: device.deviceAuth, test_flags: [], data: { values: [{ testName: 'rbc', value: 4, param_flags: [] }] } },
    });
    expect(res.status).toBe(200);
    const entry = await eventually(
      () => call('GET', `/getReportFormatForTestEntry/?labReportId=${cbcReport}&isSigned=0`, { token }),
      (r) => r.body.value.length === 3,
    );
    expect(entry.body.value).toEqual([
      { index: 4, value: 110.12, device_name: 'Alinity', test_flags: FLAGS, param_flags: PARAM_FLAGS, param_flag_interpretations: ['', 'H'] },
      { index: 5, value: 4, device_name: 'Alinity', test_flags: [], param_flags: [], param_flag_interpretations: [] },
      { index: 6, value: 275.3, device_name: null, test_flags: [], param_flags: [], param_flag_interpretations: [] },
    ]);
    const plain = await eventually(
      () => call('GET', `/getReportFormatForTestEntry/?labReportId=${plainReport}&isSigned=0`, { token }),
      (r) => r.body.value.length === 3,
    );
    expect(plain.body.value).toEqual([{ index: 4, value: 110.12 }, { index: 5, value: 4 }, { index: 6, value: 275.3 }]);
  });

  it('indexes the lab reports in Elasticsearch under the configured prefix', async () => {
    const elastic = new Client({ node: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200' });
    const index = `${process.env.ELASTICSEARCH_INDEX_PREFIX ?? 'labflow'}-lab-reports`;
    const doc = await eventually(
      () => elastic.get<{ criticalValues: string; values: unknown[]; testName: string }>({ index, id: String(cbcReport) }).catch(() => null),
      (d) => d?._source?.criticalValues === 'pending',
    );
    expect(doc?._source).toMatchObject({ labReportId: cbcReport, labId, testName: 'CBC', sampleId, criticalValues: 'pending' });
    expect(JSON.stringify(doc?._source)).not.toContain('FLAG');
    await elastic.close();
  });
});
