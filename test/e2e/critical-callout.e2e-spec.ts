import { call, envelopeIsValid, eventually, freshLabId, TopicProbe, tokenFor } from '@labflow/testing';
import { analyzerFor, createDepartmentTest, registerBill, RegisteredBill, sendValues } from './critical-callout-fixtures';

/**
 * seed 001: draft → restore → attempt → done through POST /report/:billId/critical/callout, the
 * criticalValues it moves (reporting), the category 648 timeline (audit) and the export records.
 */
describe('critical value callout (seed 001)', () => {
  const labId = freshLabId();
  const sampleId = `CC${labId}`;
  let token: string;
  let otherLab: string;
  let bill: RegisteredBill;
  let haem: number;
  let chem: number;
  let a: number; // lab report of haem
  let b: number; // lab report of chem
  let probe: TopicProbe;

  const callout = (body: Record<string, unknown>, as = token, billId = bill.billId) =>
    call('POST', `/report/${billId}/critical/callout`, { token: as, body });
  const records = () => call('GET', `/report/${bill.billId}/critical/records`, { token });
  const statuses = async () => Object.fromEntries((await records()).body.reports.map(
    (r: { lab_report: { labReportId: number; criticalValues: string } }) => [r.lab_report.labReportId, r.lab_report.criticalValues],
  ));
  const logs = (ids: string, as = token) => call('GET', `/report/bulk/critical-notification/logs?report_ids=${ids}`, { token: as });
  const ours = (m: { envelope: { labId: number | null } }) => m.envelope.labId === labId;

  beforeAll(async () => {
    probe = await TopicProbe.start(['critical.callout_recorded', 'activity.logged']);
    token = await tokenFor({ lab_id: labId, login_type: 'lab_user', sub: '7', name: 'Dr. Smith' });
    otherLab = await tokenFor({ lab_id: labId + 1, login_type: 'support' });
    haem = await createDepartmentTest(token, 'Haematology', 3);
    chem = await createDepartmentTest(token, 'Chemistry', 5);
    const deviceAuth = await analyzerFor(token, { HGB1: haem, HGB2: chem });
    bill = await registerBill(token, sampleId, [haem, chem], 21);
    a = bill.reportOf(haem);
    b = bill.reportOf(chem);
    await sendValues(labId, sampleId, deviceAuth, { HGB1: 25, HGB2: 3 });
    await eventually(statuses, (s) => s[a] === 'pending' && s[b] === 'pending');
  });
  afterAll(() => probe.stop());

  it('a draft is restored as attempted_callout and a later draft replaces it; statuses stay pending', async () => {
    const first = await eventually(
      () => callout({ status: 'draft', lab_report_ids: [a, b], recipients: ['Organization'], communication_methods: ['email'], critical_callout_comment: 'Calling ward' }),
      (r) => r.status !== 404, // critical-callout learns the bill from bill.registered
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ billId: bill.billId, status: 'draft', lab_report_ids: [a, b] });
    await eventually(records, (r) => r.body.attempted_callout?.critical_callout_comment === 'Calling ward');

    const second = await callout({
      status: 'draft', lab_report_ids: [a], recipients: ['Organization', 'Doctor'], communication_methods: ['phone'],
      critical_callout_comment: "Patient's doctor was informed", critical_values_meta: { note: 'HGB 25' },
    });
    expect(second.status).toBe(201);
    const restored = await eventually(records, (r) => r.body.attempted_callout?.critical_callout_comment === "Patient's doctor was informed");
    expect(restored.body.attempted_callout).toEqual({
      recipients: ['Organization', 'Doctor'], critical_callout_comment: "Patient's doctor was informed",
      critical_values_meta: { note: 'HGB 25' }, critical_callout_meta: { communication_methods: ['phone'], callout_for: [haem] },
    });
    expect(await statuses()).toEqual({ [a]: 'pending', [b]: 'pending' });
  });

  it('refuses an incomplete done callout, an unknown field, a report of no such bill and another lab, changing nothing', async () => {
    const incomplete = await callout({ status: 'done', lab_report_ids: [a], recipients: ['Doctor'], communication_methods: ['phone'] });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.message).toBe('contacted_person and read_back are required for a done callout');
    const extra = await callout({ status: 'attempted', lab_report_ids: [a], recipients: ['Doctor'], communication_methods: ['phone'], criticalValues: 'done' });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toBe('property criticalValues should not exist');
    const foreignReport = await callout({ status: 'attempted', lab_report_ids: [a, 999999999], recipients: ['Doctor'], communication_methods: ['phone'] });
    expect(foreignReport.status).toBe(404);
    expect(foreignReport.body.message).toBe(`Lab report 999999999 not found in bill ${bill.billId}`);
    const theirs = await callout({ status: 'attempted', lab_report_ids: [a], recipients: ['Doctor'], communication_methods: ['phone'] }, otherLab);
    expect(theirs.status).toBe(404);
    expect(theirs.body.message).toBe('Bill not found');
    expect(await statuses()).toEqual({ [a]: 'pending', [b]: 'pending' });
  });

  it('an attempt moves both reports to attempted, a done callout moves one to done and clears the draft', async () => {
    const attempt = await callout({ status: 'attempted', lab_report_ids: [a, b], recipients: ['Doctor'], communication_methods: ['phone'], critical_callout_comment: 'No answer' });
    expect(attempt.status).toBe(201);
    await eventually(statuses, (s) => s[a] === 'attempted' && s[b] === 'attempted');
    const done = await callout({
      status: 'done', lab_report_ids: [a], recipients: ['Doctor'], communication_methods: ['phone'],
      critical_callout_comment: 'Informed', contacted_person: 'Dr. Mehta', read_back: true,
    });
    expect(done.status).toBe(201);
    const after = await eventually(records, (r) => r.body.reports.some((x: { lab_report: { criticalValues: string } }) => x.lab_report.criticalValues === 'done'));
    expect(Object.fromEntries(after.body.reports.map((r: { lab_report: { labReportId: number; criticalValues: string } }) => [r.lab_report.labReportId, r.lab_report.criticalValues])))
      .toEqual({ [a]: 'done', [b]: 'attempted' });
    expect(after.body.attempted_callout).toEqual({});
  });

  it('the timeline lists category 648 entries of those reports oldest first, with meta parsed', async () => {
    const res = await eventually(() => logs(`${a},${b}`), (r) => r.body.length === 6);
    expect(res.status).toBe(200);
    const dates = res.body.map((e: { activityDate: string }) => e.activityDate);
    expect([...dates].sort()).toEqual(dates);
    const of = (id: number) => res.body.filter((e: { meta: { lab_report_id: number } }) => e.meta.lab_report_id === id)
      .map((e: { activityText: string }) => e.activityText);
    expect(of(a)).toEqual([
      'Callout Draft Saved by - Dr. Smith, Method: email, Recipients: Organization, Comment: Calling ward',
      "Callout Draft Saved by - Dr. Smith, Method: phone, Recipients: Organization, Doctor, Comment: Patient's doctor was informed",
      'Callout Attempted by - Dr. Smith, Method: phone, Recipients: Doctor, Comment: No answer',
      'Callout Done by - Dr. Smith, Method: phone, Recipients: Doctor, Informed: Dr. Mehta, Read back: Yes, Comment: Informed',
    ]);
    expect(of(b)).toHaveLength(2);
    const last = res.body[res.body.length - 1];
    expect(last).toEqual({
      labUserName: 'Dr. Smith', activityText: of(a)[3], activityDate: expect.any(String),
      meta: expect.objectContaining({ is_draft: false, status: 'done', method: 'phone', recipients: 'Doctor', contacted_person: 'Dr. Mehta', read_back: true, callout_for: [haem] }),
    });
    expect(res.body[0].meta).toMatchObject({ is_draft: true, method: 'email', recipients: 'Organization' });
    expect((await logs(`${a},${b}`, otherLab)).body).toEqual([]);
  });

  it.each(['1,x,3', '1,,3', '-1', '1.5', ''])('the logs endpoint rejects report_ids=%s', async (ids) => {
    const res = await logs(ids);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('report_ids must be a comma-separated list of integers');
  });

  it('the export returns the latest callout record per report, of the caller lab only', async () => {
    const res = await call('POST', '/operation/critical-callout', { token, body: { lab_report_ids: [a, b, 999999999] } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        lab_report_id: a, bill_id: bill.billId, status: 'done', org_name: null, patient_name: 'Ravi Kumar', referral_name: null,
        performed_by_user_name: 'Dr. Smith', performed_by_doctor_name: null, critical_callout_comment: 'Informed',
        critical_callout_meta: {
          communication_methods: ['phone'], recipients: ['Doctor'], callout_for: [haem], contacted_person: 'Dr. Mehta', read_back: true,
          organization_id: 4, doctor_id: 21,
        },
        created_on: expect.any(String),
      },
      expect.objectContaining({ lab_report_id: b, status: 'attempted', critical_callout_comment: 'No answer' }),
    ]);
    const theirs = await call('POST', '/operation/critical-callout', { token: otherLab, body: { lab_report_ids: [a, b] } });
    expect(theirs.status).toBe(200);
    expect(theirs.body).toEqual([]);
    const bad = await call('POST', '/operation/critical-callout', { token, body: { lab_report_ids: ['1'] } });
    expect(bad.status).toBe(400);
  });

  it('critical.callout_recorded and activity.logged carry each callout once', async () => {
    await new Promise((r) => setTimeout(r, 1000));
    const recorded = probe.matching((m) => m.topic.endsWith('critical.callout_recorded') && ours(m));
    expect(recorded.map((m) => m.envelope.payload.kind)).toEqual(['draft', 'draft', 'attempted', 'done']);
    expect(new Set(recorded.map((m) => m.envelope.id)).size).toBe(4);
    recorded.forEach((m) => {
      expect(envelopeIsValid(m.envelope)).toEqual([]);
      expect(m.key).toBe(String(bill.billId));
    });
    // category 648 only: the critical values also queue auto reruns, whose 981 entries share the topic
    const logged = probe.matching((m) => m.topic.endsWith('activity.logged') && ours(m) && m.envelope.payload.logCategoryId === 648);
    expect(logged).toHaveLength(6);
    expect(new Set(logged.map((m) => m.envelope.id)).size).toBe(6);
    expect(logged.every((m) => m.envelope.payload.logCategoryId === 648)).toBe(true);
  });
});
