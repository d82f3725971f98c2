import { Gateway } from './gateway-client';
import { analyzerFlag, CBC_PARAMETERS, cbcFormat, CHEMISTRY_PARAMETERS, chemistryFormat, Parameter } from './lab-catalog';
import { Analyzer, Catalog, Lab, PatientVisit } from './morning-setup';
import { Progress } from './progress';

type Range = { lower?: number; upper?: number; critical_lower?: number; critical_upper?: number };

function rangesOf(format: Record<string, unknown>): Map<number, Range> {
  return new Map((format.reportData as (Range & { index: number })[]).map((p) => [p.index, p]));
}

/** seed 002 §2 payload of one analyzer run, with the instrument's flags on each reading. */
function payload(lab: Lab, device: Analyzer, sampleId: string, readings: Record<string, number>, parameters: Parameter[], ranges: Map<number, Range>) {
  const values = parameters.map((p) => {
    const value = readings[p.code];
    const r = ranges.get(p.index) ?? {};
    return { testName: p.code, value, param_flags: analyzerFlag(value, r.lower, r.upper, r.critical_lower, r.critical_upper) };
  });
  const testFlags = values.some((v) => v.param_flags.length > 0) ? ['Abnormal result'] : [];
  return { labId: lab.labId, sampleId, deviceAuth: device.deviceAuth, test_flags: testFlags, data: { values } };
}

/** Both analyzers post their runs at the same time, as on a real bench. */
export async function postAnalyzerResults(gw: Gateway, lab: Lab, catalog: Catalog, visits: PatientVisit[], progress: Progress): Promise<void> {
  const cbcRanges = rangesOf(cbcFormat());
  const chemRanges = rangesOf(chemistryFormat());
  const post = async (device: Analyzer, sampleId: string, body: Record<string, unknown>, label: string) => {
    // a sample reaches device-ingestion through bill.registered just after registration
    const res = await gw.until((r) => r.status === 404, 'POST', '/dataPartialFromDevice/', undefined, body);
    if (res.status !== 200) throw new Error(`${device.name} ${sampleId}: ${res.status} ${JSON.stringify(res.body)}`);
    progress.tick(label);
  };
  await Promise.all([
    (async () => {
      for (const v of visits) {
        await post(catalog.haematology, v.cbcSample, payload(lab, catalog.haematology, v.cbcSample, v.patient.cbc, CBC_PARAMETERS, cbcRanges), `Sysmex: CBC of ${v.cbcSample}`);
      }
    })(),
    (async () => {
      for (const v of visits) {
        await post(catalog.chemistry, v.chemistrySample, payload(lab, catalog.chemistry, v.chemistrySample, v.patient.chemistry, CHEMISTRY_PARAMETERS, chemRanges), `cobas: chemistry of ${v.chemistrySample}`);
      }
    })(),
  ]);
}

/**
 * A technologist doubts a high WBC: requests a manual rerun (seed 000 §1), the analyzer delivers the
 * rerun value (§2), the technologist reads it and confirms it onto the report (§4).
 */
export async function manualRerun(gw: Gateway, lab: Lab, catalog: Catalog, visit: PatientVisit, progress: Progress): Promise<void> {
  const path = `/api-v3/sample-rerun/${visit.cbcReport}`;
  const requested = await gw.until((r) => r.status === 404, 'POST', `${path}/request`, lab.technologist, {
    type: 'Manual', rerun_number: '1', requested_parameters: '[1]', parameter_names: ['WBC Count'], is_active: true, lab_id: lab.labId,
  });
  if (requested.status !== 200) throw new Error(`rerun request: ${requested.status} ${JSON.stringify(requested.body)}`);
  progress.tick(`technologist requested a WBC rerun of report ${visit.cbcReport}`);
  await gw.expect(200, 'POST', `${path}/new`, lab.technologist, {
    lab_id: lab.labId, sample_id: visit.cbcSample, device_id: String(catalog.haematology.id), device_name: catalog.haematology.name,
    rerun_type: 'manual_rerun', rerun_number: 1, device_data: [{ index: 1, value: '11.6', parameter_name: 'WBC Count' }],
  });
  progress.tick('Sysmex delivered the rerun value');
  const values = await gw.expect(200, 'GET', path, lab.technologist);
  const rerunValue = (values.reruns as { index: number; value: string }[]).find((v) => v.index === 1);
  if (!rerunValue) throw new Error(`rerun values of ${visit.cbcReport}: ${JSON.stringify(values)}`);
  await gw.expect(200, 'POST', `${path}/confirm`, lab.technologist, {
    rerun_confirmed_data: [{ index: 1, value: rerunValue.value, parameter_name: 'WBC Count', reportForId_id: visit.cbcReport }],
  });
  progress.tick(`technologist confirmed WBC ${rerunValue.value} onto the report`);
}

/** seed 001: the critical glucose is called out: an attempt (no answer), then done with read-back. */
export async function criticalCallout(gw: Gateway, lab: Lab, visit: PatientVisit, progress: Progress): Promise<void> {
  const records = `/report/${visit.billId}/critical/records`;
  const pending = (r: { status: number; body: any }) => r.status !== 200 // eslint-disable-line @typescript-eslint/no-explicit-any
    || !(r.body.reports as { lab_report: { labReportId: number; criticalValues: string } }[])
      .some((x) => x.lab_report.labReportId === visit.chemistryReport && x.lab_report.criticalValues === 'pending');
  const seen = await gw.until(pending, 'GET', records, lab.technologist);
  if (pending(seen)) throw new Error(`no pending critical value on report ${visit.chemistryReport}: ${JSON.stringify(seen.body)}`);
  progress.tick(`critical glucose of ${visit.patient.name} is pending a callout`);
  const callout = (body: Record<string, unknown>) => gw.until((r) => r.status === 404, 'POST', `/report/${visit.billId}/critical/callout`, lab.technologist, {
    lab_report_ids: [visit.chemistryReport], recipients: ['Doctor'], communication_methods: ['phone'], ...body,
  });
  const attempt = await callout({ status: 'attempted', critical_callout_comment: 'No answer from the clinic' });
  if (attempt.status !== 201) throw new Error(`callout attempt: ${attempt.status} ${JSON.stringify(attempt.body)}`);
  progress.tick('callout attempted: no answer');
  const done = await callout({ status: 'done', critical_callout_comment: 'Glucose 36 mg/dL read back', contacted_person: 'Dr. Mehta', read_back: true });
  if (done.status !== 201) throw new Error(`callout done: ${done.status} ${JSON.stringify(done.body)}`);
  progress.tick('callout done: Dr. Mehta read the value back');
}

/** The report entry screen reads what the analyzer stored (values, machine flags, critical state). */
export async function readReportEntry(gw: Gateway, lab: Lab, visit: PatientVisit, progress: Progress): Promise<void> {
  const path = `/getReportFormatForTestEntry/?labReportId=${visit.cbcReport}&isSigned=0`;
  // reporting applies device.data.received asynchronously: wait until every CBC reading is on the report
  const missing = (r: { status: number; body: any }) => r.status !== 200 // eslint-disable-line @typescript-eslint/no-explicit-any
    || CBC_PARAMETERS.some((p) => !(r.body.value as { index: number }[]).some((v) => v.index === p.index))
    // the critical evaluation commits just after the values (the analyzer flagged LL/HH on the same ranges)
    || ((r.body.value as { param_flags?: string[] }[]).some((v) => v.param_flags?.some((f) => f === 'LL' || f === 'HH'))
      && r.body.labReportSigningMeta?.criticalValues === 'none');
  const entry = await gw.until(missing, 'GET', path, lab.technologist);
  if (missing(entry)) throw new Error(`report entry ${visit.cbcReport}: ${entry.status} ${JSON.stringify(entry.body)}`);
  const values = entry.body.value as { index: number; value: unknown; param_flags?: string[] }[];
  const shown = values.map((v) => `${v.index}=${String(v.value)}${v.param_flags?.length ? ` ${v.param_flags.join(',')}` : ''}`).join('; ');
  progress.tick(`report entry of ${visit.patient.name}: ${shown}; criticalValues ${entry.body.labReportSigningMeta?.criticalValues}`);
}

/** seed 004: a partner lab loses HbA1c to a lab error; the order goes to redraw_available with a redraw order. */
export async function orderToRedraw(gw: Gateway, lab: Lab, progress: Progress): Promise<void> {
  const placed = await gw.expect(200, 'POST', '/v3/order', lab.orderClient, {
    patient_details: { first_name: 'Ada', last_name: 'Lovelace', dob: '1990-04-01', gender: 'female', email: 'ada@example.com' },
    biomarkers: ['glucose', 'hba1c', 'ldl'], lab: 'quest', walk_in: true,
  });
  progress.tick(`order ${String(placed.order_id).slice(0, 8)} placed (glucose, hba1c, ldl)`);
  for (const status of ['requisition_created', 'sample_received']) {
    await gw.expect(200, 'POST', `/v3/lab/orders/${placed.order_id}/status`, lab.partnerLab, { status });
  }
  progress.tick('partner lab: requisition created, sample received');
  const finished = await gw.expect(200, 'POST', `/v3/lab/orders/${placed.order_id}/results`, lab.partnerLab, {
    final: true,
    results: [
      { biomarker: 'glucose', result: '92', unit: 'mg/dL' },
      { biomarker: 'hba1c', missing_reason: 'lab_error' },
      { biomarker: 'ldl', result: '110', unit: 'mg/dL' },
    ],
  });
  if (finished.low_level_status !== 'redraw_available') throw new Error(`order: ${JSON.stringify(finished)}`);
  progress.tick('HbA1c lost to a lab error: order redraw_available, redraw order created');
}
