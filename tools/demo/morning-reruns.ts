import { Gateway, sleep } from './gateway-client';
import { CBC_PARAMETERS, CHEMISTRY_PARAMETERS, Parameter } from './lab-catalog';
import { Analyzer, Catalog, Lab, PatientVisit } from './morning-setup';
import { Progress } from './progress';

interface Candidate {
  visit: PatientVisit;
  labReportId: number;
  sampleId: string;
  device: Analyzer;
  /** The test's auto-rerun parameter (seed 000 §6): the only one the rerun app can have queued. */
  parameter: Parameter;
  reading: number;
}

const flagOf = async (gw: Gateway, lab: Lab, id: number): Promise<number> =>
  (await gw.expect(200, 'GET', `/getReportFormatForTestEntry/?labReportId=${id}&isSigned=0`, lab.technologist)).labReportSigningMeta.sampleRedrawFlag;

/**
 * The auto reruns the rerun app queued on its own (sampleRedrawFlag 3, read from reporting): the
 * analyzer reruns those tubes and delivers the values (flag 4), and the technologist confirms them
 * (flag 0). A haemolysed potassium comes back normal; a critical haemoglobin comes back critical again.
 */
export async function resolveAutoReruns(gw: Gateway, lab: Lab, catalog: Catalog, visits: PatientVisit[], progress: Progress): Promise<void> {
  const hgb = CBC_PARAMETERS.find((p) => p.code === 'HGB')!;
  const k = CHEMISTRY_PARAMETERS.find((p) => p.code === 'K')!;
  const all: Candidate[] = visits.flatMap((visit) => [
    { visit, labReportId: visit.cbcReport, sampleId: visit.cbcSample, device: catalog.haematology, parameter: hgb, reading: visit.patient.cbc.HGB },
    { visit, labReportId: visit.chemistryReport, sampleId: visit.chemistrySample, device: catalog.chemistry, parameter: k, reading: visit.patient.chemistry.K },
  ]);
  // the queue forms a few hops after the results: read it until it stops growing
  let queued: Candidate[] = [];
  for (let quiet = 0, round = 0; (quiet < 3 || round < 5) && round < 60; round += 1) {
    const flags = await Promise.all(all.map((c) => flagOf(gw, lab, c.labReportId)));
    const now = all.filter((_, i) => flags[i] === 3);
    quiet = now.length === queued.length ? quiet + 1 : 0;
    queued = now;
    await sleep(300);
  }
  progress.tick(`rerun queue: ${queued.length} auto reruns (${queued.map((c) => `${c.parameter.name} of ${c.visit.patient.name}`).join(', ')})`);

  for (const c of queued) {
    const value = c.parameter.code === 'K' ? 4.9 : Math.round((c.reading + 0.1) * 10) / 10;
    await gw.expect(200, 'POST', `/api-v3/sample-rerun/${c.labReportId}/new`, lab.technologist, {
      lab_id: lab.labId, sample_id: c.sampleId, device_id: String(c.device.id), device_name: c.device.name,
      rerun_type: 'auto_rerun', rerun_number: 1, device_data: [{ index: c.parameter.index, value: String(value), parameter_name: c.parameter.name }],
    });
  }
  progress.tick(`analyzers delivered ${queued.length} auto-rerun values`);
  for (const c of queued) {
    const values = await gw.expect(200, 'GET', `/api-v3/sample-rerun/${c.labReportId}`, lab.technologist);
    const rerun = (values.reruns as { index: number; value: string }[]).find((v) => v.index === c.parameter.index);
    if (!rerun) throw new Error(`rerun values of ${c.labReportId}: ${JSON.stringify(values)}`);
    await gw.expect(200, 'POST', `/api-v3/sample-rerun/${c.labReportId}/confirm`, lab.technologist, {
      rerun_confirmed_data: [{ index: c.parameter.index, value: rerun.value, parameter_name: c.parameter.name, reportForId_id: c.labReportId }],
    });
  }
  progress.tick(`technologist confirmed ${queued.length} auto reruns`);
}
