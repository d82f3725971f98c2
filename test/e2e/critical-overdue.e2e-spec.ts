import { Client as PgClient } from 'pg';
import { call, envelopeIsValid, eventually, freshLabId, TopicProbe, tokenFor } from '@labflow/testing';
import { analyzerFor, createDepartmentTest, registerBill, sendValues } from './critical-callout-fixtures';
import { spansOf, traceparentIds } from './support/trace-files';

/**
 * Beyond seed 001: a pending critical value without a done callout within the allowed time (default
 * 60 minutes) is marked overdue and critical.callout_overdue is published once. The test moves the
 * pending time back instead of waiting an hour; the detection runs in the app on its own schedule.
 */
describe('overdue critical callouts', () => {
  const labId = freshLabId();
  const sampleId = `OV${labId}`;
  let pg: PgClient;
  let probe: TopicProbe;
  let a: number;
  let b: number;

  const pendingRows = async () => (await pg.query(
    'SELECT lab_report_id, called_out_at, overdue_at FROM critical_callout.pending_criticals WHERE lab_id = $1 ORDER BY lab_report_id', [labId],
  )).rows;

  beforeAll(async () => {
    probe = await TopicProbe.start(['critical.callout_overdue']);
    pg = new PgClient({ connectionString: process.env.POSTGRES_URL });
    await pg.connect();
    const token = await tokenFor({ lab_id: labId, name: 'Nurse Joy' });
    const haem = await createDepartmentTest(token, 'Haematology', 3);
    const chem = await createDepartmentTest(token, 'Chemistry', 5);
    const deviceAuth = await analyzerFor(token, { HGB1: haem, HGB2: chem });
    const bill = await registerBill(token, sampleId, [haem, chem], 21);
    a = bill.reportOf(haem);
    b = bill.reportOf(chem);
    await sendValues(labId, sampleId, deviceAuth, { HGB1: 25, HGB2: 3 });
    await eventually(pendingRows, (rows) => rows.length === 2);
    const done = await eventually(() => call('POST', `/report/${bill.billId}/critical/callout`, {
      token, body: { status: 'done', lab_report_ids: [b], recipients: ['Doctor'], communication_methods: ['phone'], contacted_person: 'Dr. Mehta', read_back: true },
    }), (r) => r.status !== 404);
    expect(done.status).toBe(201);
  });
  afterAll(async () => {
    await probe.stop();
    await pg.end();
  });

  it('only the report without a done callout becomes overdue, and its event is published once', async () => {
    await pg.query(
      "UPDATE critical_callout.pending_criticals SET pending_since = now() - interval '61 minutes' WHERE lab_id = $1", [labId],
    );
    const [event] = await probe.waitFor((m) => m.envelope.payload.labId === labId, 1, 40_000);
    expect(envelopeIsValid(event.envelope)).toEqual([]);
    expect(event.key).toBe(String(a));
    expect(event.envelope.payload).toMatchObject({ labId, labReportId: a, allowedMinutes: 60 });
    // the sweep pass that marked it is a span of its own, and the event continues its trace
    const { traceId, spanId } = traceparentIds(event.headers.traceparent);
    const sweep = await eventually(async () => spansOf('critical-callout', traceId).find((s) => s.spanId === spanId), Boolean);
    expect(sweep).toMatchObject({ name: 'sweep overdue critical values', kind: 'INTERNAL', parentSpanId: null, status: { code: 0 } });
    expect(sweep?.attributes['labflow.overdue.marked']).toBeGreaterThanOrEqual(1);
    // two more detection rounds (every 10 s by default) publish nothing new
    await new Promise((r) => setTimeout(r, 21_000));
    expect(probe.matching((m) => m.envelope.payload.labId === labId)).toHaveLength(1);
    const rows = await pendingRows();
    expect(rows.map((r) => [r.lab_report_id, r.overdue_at !== null, r.called_out_at !== null])).toEqual([[a, true, false], [b, false, true]].sort((x, y) => Number(x[0]) - Number(y[0])));
  }, 90_000);
});
