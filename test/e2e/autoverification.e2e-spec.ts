import { Kafka, logLevel } from 'kafkajs';
import { call, eventually, freshLabId, TopicProbe, tokenFor } from '@labflow/testing';
import { CBC, CBC_RULES, decisionOf, MALE_BAND, MAN, newDevice, ok, register, upload, uploadBody } from './autoverification-fixtures';

const NORMAL = { hgb: 14, rbc: 5 }; // MCH 28

/**
 * Autoverification through the gateway with a CBC panel (issue 21): every case held with exactly its
 * reason, review, one decision per upload, and a dry run whose counts equal what applying decided.
 */
describe('autoverification (issue 21)', () => {
  const labId = freshLabId();
  const s = (name: string) => `V${labId}${name}`;
  let token: string;
  let probe: TopicProbe;
  let testId: number;
  let analyzer: { id: number; deviceAuth: string };
  let heldDevice: { id: number; deviceAuth: string };
  const reports: Record<string, number> = {};
  const decisions: Record<string, any> = {};

  beforeAll(async () => {
    token = await tokenFor({ lab_id: labId, name: 'Dr. Verify' });
    probe = await TopicProbe.start(['report.autoverified', 'report.held', 'activity.logged', 'rerun.request_recorded', 'report.values_updated']);
    testId = ok(await call('POST', '/reporting/report-format/create/', { token, body: CBC }), 201, 'test').testId;
    analyzer = await newDevice(token, testId, 'Sysmex XN-1000');
    heldDevice = await newDevice(token, testId, 'Sysmex XN-550');
    const saved = await call('PUT', `/api-v3/verification/rule-sets/${testId}`, { token, body: CBC_RULES });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ testId, version: 1, active: true });

    for (const name of ['normal', 'range', 'critical', 'paramFlag', 'reportFlag', 'rerun', 'qc']) [reports[name]] = await register(token, testId, [s(name)]);
    [reports.earlier, reports.later] = await register(token, testId, [s('earlier'), s('later')]);
    // two men (one each: no delta check between them): haemoglobin judged by the male adult band 13.5–17.5, not 12–16
    [reports.manLow] = await register(token, testId, [s('manLow')], MAN);
    [reports.manHigh] = await register(token, testId, [s('manHigh')], MAN);

    // a rerun open on the report before its values arrive; the token makes verification's read wait until it knows
    const rerun = await call('POST', `/api-v3/sample-rerun/${reports.rerun}/request`, {
      token, body: { type: 'Manual', rerun_number: '1', requested_parameters: '[4]', parameter_names: ['Haemoglobin'], is_active: true, lab_id: labId },
    });
    expect(rerun.status).toBe(200);
    const known = await call('GET', `/api-v3/verification/lab-reports/${reports.rerun}`, { token, headers: { 'x-consistency-token': rerun.headers.get('x-consistency-token') ?? '' } });
    expect(known.status).toBe(404);
    expect(known.headers.get('x-consistency')).not.toBe('stale');
    // QC failed on the second analyzer a minute ago
    const hold = await call('PUT', `/api-v3/verification/devices/${heldDevice.id}/qc-hold`, {
      token, body: { reason: 'Level 2 control out (2s rule)', since: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(hold.status).toBe(200);

    const uploads: [string, { id: number; deviceAuth: string }, Parameters<typeof upload>[3]][] = [
      ['normal', analyzer, NORMAL], ['range', analyzer, { hgb: 14, rbc: 5.6 }], ['critical', analyzer, { hgb: 6.5, rbc: 5 }],
      ['paramFlag', analyzer, { ...NORMAL, hgbFlags: ['W'] }], ['reportFlag', analyzer, { ...NORMAL, testFlags: ['PLT_Clumps?'] }],
      ['rerun', analyzer, NORMAL], ['qc', heldDevice, NORMAL], ['earlier', analyzer, NORMAL],
      ['manLow', analyzer, { hgb: 13, rbc: 4.6 }], ['manHigh', analyzer, { hgb: 17, rbc: 5.5 }],
    ];
    for (const [name, device, reading] of uploads) expect((await upload(labId, s(name), device.deviceAuth, reading)).status).toBe(200);
    for (const [name] of uploads) decisions[name] = await decisionOf(token, reports[name]);
    // the patient's later report: haemoglobin 14 → 12.6 (10 %) within a day breaks the 8 % delta check
    expect((await upload(labId, s('later'), analyzer.deviceAuth, { hgb: 12.6, rbc: 4.6 })).status).toBe(200);
    decisions.later = await decisionOf(token, reports.later);
  }, 180_000);
  afterAll(() => probe.stop());

  it('auto-verifies a CBC whose every parameter passes', () => {
    expect(decisions.normal).toMatchObject({ status: 'auto_verified', decidedStatus: 'auto_verified', ruleSetVersion: 1, reasons: [], decisions: 1 });
    expect(decisions.normal.parameters.map((p: any) => [p.index, p.name, p.value, p.status])).toEqual([
      [4, 'Haemoglobin', '14', 'auto_verified'], [5, 'RBC', '5', 'auto_verified'], [6, 'MCH', '28', 'auto_verified'],
    ]);
    expect(decisions.earlier.status).toBe('auto_verified');
  });

  it('judges the reference range for the patient\'s age and gender, not the parameter\'s own', () => {
    // 17 is above the parameter's 12–16 but inside an adult man's 13.5–17.5
    expect(decisions.manHigh).toMatchObject({ status: 'auto_verified', reasons: [] });
    // 13 is inside 12–16 but below an adult man's 13.5: held, the band named in the inputs
    expect(decisions.manLow).toMatchObject({ status: 'held', reasons: ['reference_range'] });
    expect(decisions.manLow.parameters.find((p: any) => p.index === 4).fired).toEqual([
      { rule: 'reference_range', inputs: { value: '13', abnormal: true, range: { lower: 13.5, upper: 17.5, ageBand: MALE_BAND } } },
    ]);
  });

  it.each([
    ['range', ['reference_range']],
    ['critical', ['reference_range', 'critical']],
    ['paramFlag', ['param_flag']],
    ['reportFlag', ['test_flag']],
    ['later', ['delta_check']],
    ['rerun', ['open_rerun']],
    ['qc', ['qc_hold']],
  ])('holds the %s report with exactly its reason', (name, reasons) => {
    expect(decisions[name]).toMatchObject({ status: 'held', ruleSetVersion: 1, reasons });
  });

  it('lists every rule that fired with the inputs it saw', () => {
    const fired = (name: string, index: number) => decisions[name].parameters.find((p: any) => p.index === index).fired;
    expect(fired('range', 5)).toEqual([{ rule: 'reference_range', inputs: { value: '5.6', abnormal: true, range: { lower: 4.5, upper: 5.5, ageBand: null } } }]);
    expect(fired('critical', 4).map((f: any) => f.rule)).toEqual(['reference_range', 'critical']);
    expect(fired('paramFlag', 4)).toEqual([{ rule: 'param_flag', inputs: { value: '14', flags: ['W'], paramFlags: ['W'], interpretation: ['W'] } }]);
    expect(decisions.reportFlag.report).toEqual([{ rule: 'test_flag', inputs: { flags: ['PLT_Clumps?'], testFlags: ['PLT_Clumps?'], deviceId: analyzer.id } }]);
    expect(fired('later', 4)).toEqual([{
      rule: 'delta_check',
      inputs: expect.objectContaining({ mode: 'percent', limit: 8, lookBackDays: 30, value: 12.6, previousValue: 14, previousLabReportId: reports.earlier, change: 10 }),
    }]);
    expect(Date.parse(fired('later', 4)[0].inputs.previousAt)).toBeLessThan(Date.parse(decisions.later.decidedAt));
    expect(decisions.rerun.report).toEqual([{ rule: 'open_rerun', inputs: { since: expect.any(String), requestedParameters: [4] } }]);
    expect(fired('qc', 4)).toEqual([{ rule: 'qc_hold', inputs: { deviceId: heldDevice.id, since: expect.any(String), reason: 'Level 2 control out (2s rule)' } }]);
  });

  it('publishes report.autoverified and report.held with the reasons', async () => {
    const [held] = await probe.waitFor((m) => m.topic === 'report.held' && m.envelope.payload.labReportId === reports.qc);
    expect(held.key).toBe(String(reports.qc));
    expect(held.envelope.payload).toMatchObject({ labId, testId, ruleSetVersion: 1, reasons: ['qc_hold'], decisionId: decisions.qc.decisionId });
    const [auto] = await probe.waitFor((m) => m.topic === 'report.autoverified' && m.envelope.payload.labReportId === reports.normal);
    expect(auto.envelope.payload).toMatchObject({ labId, testId, ruleSetVersion: 1, decisionId: decisions.normal.decisionId });
  });

  it('refuses bad rule sets with 400 naming the field, storing nothing', async () => {
    const bad: [unknown, string][] = [
      [{ ...CBC_RULES, parameters: [{ index: 4, delta: { mode: 'percent', limit: -8, lookBackDays: 30 } }] }, 'parameters.0.delta.limit must be a positive number'],
      [{ ...CBC_RULES, parameters: [{ index: 4, delta: { mode: 'percent', limit: 8, lookBackDays: 0 } }] }, 'parameters.0.delta.lookBackDays must not be less than 1'],
      [{ ...CBC_RULES, blockingParamFlags: ['A', 7] }, 'each value in blockingParamFlags must be a string'],
      [{ ...CBC_RULES, parameters: [{ index: 9 }] }, 'parameters.0.index 9 is not a parameter of this test'],
    ];
    for (const [body, message] of bad) {
      const res = await call('PUT', `/api-v3/verification/rule-sets/${testId}`, { token, body });
      expect([res.status, res.body.message]).toEqual([400, message]);
    }
    const typed = await call('PUT', `/api-v3/verification/rule-sets/${testId}`, { token, body: { ...CBC_RULES, parameters: [{ index: 4, delta: { mode: 'percent', limit: '8', lookBackDays: 30 } }] } });
    expect(typed.status).toBe(400);
    expect(typed.body.message).toMatch(/^parameters\.0\.delta\.limit must be a number/);
    expect((await call('GET', `/api-v3/verification/rule-sets/${testId}`, { token })).body.version).toBe(1);
  });

  it('releases a held report with a comment, audited', async () => {
    const res = await call('POST', `/api-v3/verification/lab-reports/${reports.range}/release`, { token, body: { comment: 'RBC confirmed on smear' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'released', decidedStatus: 'held', review: { action: 'released', comment: 'RBC confirmed on smear', by: '7', rerunRequested: [] } });
    const [entry] = await probe.waitFor((m) => m.topic === 'activity.logged' && m.envelope.payload.labReportId === reports.range && m.envelope.payload.logCategoryId === 1104);
    expect(entry.envelope.payload.activityText).toBe('Held report released by - Dr. Verify, Comment: RBC confirmed on smear');
    const again = await call('POST', `/api-v3/verification/lab-reports/${reports.range}/release`, { token, body: { comment: 'twice' } });
    expect([again.status, again.body.message]).toEqual([409, 'Only a held report can be reviewed (this one is released)']);
    const auto = await call('POST', `/api-v3/verification/lab-reports/${reports.normal}/reject`, { token, body: { comment: 'no' } });
    expect([auto.status, auto.body.message]).toEqual([409, 'Only a held report can be reviewed (this one is auto_verified)']);
  });

  it('rejects a held report and requests a rerun of its held parameters through the rerun lifecycle', async () => {
    const res = await call('POST', `/api-v3/verification/lab-reports/${reports.critical}/reject`, { token, body: { comment: 'Clotted sample', rerun: true } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', review: { action: 'rejected', comment: 'Clotted sample', rerunRequested: [4, 6] } });
    const [requested] = await probe.waitFor((m) => m.topic === 'rerun.request_recorded' && m.envelope.payload.labReportId === reports.critical);
    expect(requested.envelope.payload).toMatchObject({ type: 'Manual', requestedParameters: [4, 6], requestedBy: '7' });
    await probe.waitFor((m) => m.topic === 'activity.logged' && m.envelope.payload.labReportId === reports.critical && m.envelope.payload.logCategoryId === 1105);
  });

  it('decides one upload once: the same upload twice, and report.values_updated redelivered', async () => {
    const again = await call('POST', '/dataPartialFromDevice/', { body: uploadBody(labId, s('normal'), analyzer.deviceAuth, NORMAL) });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    const [original] = probe.matching((m) => m.topic === 'report.values_updated' && m.envelope.payload.labReportId === reports.paramFlag);
    const kafka = new Kafka({ clientId: 'verification-redelivery', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: `${process.env.KAFKA_TOPIC_PREFIX ?? ''}report.values_updated`, messages: [{ key: original.key, value: original.raw.value, headers: original.raw.headers }] });
    await producer.disconnect();
    await probe.waitFor((m) => m.topic === 'report.values_updated' && m.envelope.id === original.envelope.id, 2);
    await new Promise((r) => setTimeout(r, 2000));
    expect((await decisionOf(token, reports.paramFlag)).decisions).toBe(1);
    expect((await decisionOf(token, reports.normal)).decisions).toBe(1);
    expect(probe.matching((m) => m.topic === 'report.held' && m.envelope.payload.labReportId === reports.paramFlag)).toHaveLength(1);
  });

  it('does not decide an auto-verified report again for another upload of the same values', async () => {
    const resent = await call('POST', '/dataPartialFromDevice/', { body: { ...uploadBody(labId, s('normal'), analyzer.deviceAuth, NORMAL), device_extra_data: { rack: 2 } } });
    expect([resent.status, resent.body.duplicate]).toEqual([200, false]);
    await probe.waitFor((m) => m.topic === 'report.values_updated' && m.envelope.payload.labReportId === reports.normal, 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await decisionOf(token, reports.normal)).toMatchObject({ status: 'auto_verified', decisions: 1, decisionId: decisions.normal.decisionId });
    expect(probe.matching((m) => m.topic === 'report.autoverified' && m.envelope.payload.labReportId === reports.normal)).toHaveLength(1);
  });

  it('dry-runs the active rule set with the counts applying it decided, and a looser one naming the dangerous reports', async () => {
    const applied = Object.values(decisions);
    const dry = ok(await call('POST', `/api-v3/verification/rule-sets/${testId}/dry-run`, { token, body: { days: 1, version: 1 } }), 200, 'dry run');
    expect(dry).toMatchObject({
      testId, version: 1, reports: applied.length, autoVerified: applied.filter((d) => d.decidedStatus === 'auto_verified').length,
      held: applied.filter((d) => d.decidedStatus === 'held').length,
      heldByRule: { reference_range: 3, critical: 1, param_flag: 1, test_flag: 1, delta_check: 1, open_rerun: 1, qc_hold: 1 },
      wouldReleaseChanged: [],
    });
    expect(dry.autoVerifiedPercent).toBeCloseTo((100 * 3) / 11, 1);

    // saved inactive: it decides nothing, it can only be dry-run
    const loose = await call('PUT', `/api-v3/verification/rule-sets/${testId}`, {
      token, body: { parameters: [4, 5, 6].map((index) => ({ index, referenceRange: false, critical: false })), blockingParamFlags: [], blockingTestFlags: [], active: false },
    });
    expect(loose.body).toMatchObject({ version: 2, active: false });
    const risky = ok(await call('POST', `/api-v3/verification/rule-sets/${testId}/dry-run`, { token, body: { days: 1 } }), 200, 'dry run v2');
    expect(risky).toMatchObject({ version: 2, reports: 11, held: 2, heldByRule: { open_rerun: 1, qc_hold: 1 } });
    expect(risky.wouldReleaseChanged).toEqual([{ labReportId: reports.critical, why: ['rejected', 'rerun'] }]);
  });

  it('decides a report again when its rerun is confirmed', async () => {
    const received = await call('POST', `/api-v3/sample-rerun/${reports.rerun}/new`, {
      token, body: {
        lab_id: labId, sample_id: s('rerun'), device_id: String(analyzer.id), device_name: 'Sysmex XN-1000', rerun_type: 'manual_rerun', rerun_number: 1,
        device_data: [{ index: 4, value: '14.2', parameter_name: 'Haemoglobin' }],
      },
    });
    expect(received.status).toBe(200);
    const confirmed = await call('POST', `/api-v3/sample-rerun/${reports.rerun}/confirm`, { token, body: { rerun_confirmed_data: [{ value: '14.2', index: 4, parameter_name: 'Haemoglobin' }] } });
    expect(confirmed.status).toBe(200);
    const decided = await decisionOf(token, reports.rerun, (d) => d.decisions === 2);
    expect(decided).toMatchObject({ status: 'auto_verified', reasons: [], ruleSetVersion: 1 });
    expect(decided.parameters.find((p: any) => p.index === 4)).toMatchObject({ value: '14.2', status: 'auto_verified' });
  });

  it('does not decide released reports again when the rule set changes', async () => {
    // an active rule set that would auto-verify the released report (no reference range check)
    const looser = await call('PUT', `/api-v3/verification/rule-sets/${testId}`, {
      token, body: { ...CBC_RULES, parameters: [4, 5, 6].map((index) => ({ index, referenceRange: false })), active: true },
    });
    expect(looser.body).toMatchObject({ version: 3, active: true });
    // the same values again (not a duplicate payload): nothing a rule reads changed
    const resent = await call('POST', '/dataPartialFromDevice/', { body: { ...uploadBody(labId, s('range'), analyzer.deviceAuth, { hgb: 14, rbc: 5.6 }), device_extra_data: { rack: 3 } } });
    expect([resent.status, resent.body.duplicate]).toEqual([200, false]);
    await probe.waitFor((m) => m.topic === 'report.values_updated' && m.envelope.payload.labReportId === reports.range, 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await decisionOf(token, reports.range)).toMatchObject({ status: 'released', ruleSetVersion: 1, decisions: 1, decisionId: decisions.range.decisionId });
    // saving decided nothing again either: the held reports keep their one decision under version 1
    expect(await decisionOf(token, reports.manLow)).toMatchObject({ status: 'held', ruleSetVersion: 1, decisions: 1 });
  });

  it('shows the verification block beside the flags in the three reads of seed 002', async () => {
    const entry = await eventually(
      () => call('GET', `/getReportFormatForTestEntry/?labReportId=${reports.range}&isSigned=0`, { token }),
      (r) => r.status === 200 && r.body.verification?.status === 'released',
    );
    expect(entry.body.verification).toMatchObject({
      decidedStatus: 'held', reasons: ['reference_range'], ruleSetVersion: 1, heldParameters: [5, 6], decisionId: decisions.range.decisionId,
      review: { action: 'released', by: '7', comment: 'RBC confirmed on smear' },
    });
    expect(entry.body.value.find((v: any) => v.index === 5)).toMatchObject({ value: 5.6, param_flags: [] });
    const overview = await eventually(
      () => call('GET', `/api-v3/patient/${reports.earlier}/all-reports`, { token }),
      (r) => r.status === 200 && r.body.verification_mapper?.[reports.later] !== null && r.body.verification_mapper?.[reports.earlier] !== null,
    );
    expect(overview.body.verification_mapper[reports.earlier]).toMatchObject({ status: 'auto_verified', reasons: [] });
    expect(overview.body.verification_mapper[reports.later]).toMatchObject({ status: 'held', reasons: ['delta_check'], heldParameters: [4] });
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const validation = await eventually(
      () => call('GET', `/api-v3/interfacing/device-results-validation/${heldDevice.id}?startDate=${from}&endDate=${to}`, { token }),
      (r) => r.status === 200 && r.body.verification_mapper?.[reports.qc] != null,
    );
    expect(validation.body.verification_mapper).toEqual({ [reports.qc]: expect.objectContaining({ status: 'held', reasons: ['qc_hold'], heldParameters: [4, 5, 6] }) });
  });

  it('answers another lab 404 for a decision, a review and a QC hold', async () => {
    const other = await tokenFor({ lab_id: freshLabId() });
    expect((await call('GET', `/api-v3/verification/lab-reports/${reports.normal}`, { token: other })).status).toBe(404);
    expect((await call('POST', `/api-v3/verification/lab-reports/${reports.qc}/release`, { token: other, body: { comment: 'x' } })).status).toBe(404);
    const hold = await call('PUT', `/api-v3/verification/devices/${analyzer.id}/qc-hold`, { token: other, body: {} });
    expect([hold.status, hold.body.message]).toEqual([404, 'Device not found']);
  });
});
