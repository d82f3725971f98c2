import { DeviceWorkOrderResult } from '@labflow/contracts';
import { AstmDelimiters, escapeAstm } from '../astm/astm-delimiters';
import { parseLocator } from '../profiles/locator';
import { VendorProfile } from '../profiles/vendor-profile';
import { instrumentCodeOf } from './work-order.client';

/** One queried sample: its work order, or null when LabFlow could not be asked. */
export interface QueriedSample {
  sampleId: string;
  workOrder: DeviceWorkOrderResult | null;
}

const stamp = (now: Date) => now.toISOString().replace(/[-:T]/g, '').slice(0, 14);

/** One record from fields numbered as E1394 numbers them (field 1 is the record type); a field is its components. */
function record(d: AstmDelimiters, fields: Record<number, string[] | string[][]>): string {
  const last = Math.max(...Object.keys(fields).map(Number));
  const out: string[] = [];
  for (let n = 1; n <= last; n++) {
    const field = fields[n];
    if (!field) out.push('');
    else if (Array.isArray(field[0])) out.push((field as string[][]).map((r) => r.map((c) => escapeAstm(c, d)).join(d.component)).join(d.repeat));
    else out.push((field as string[]).map((c) => escapeAstm(c, d)).join(d.component));
  }
  return out.join(d.field);
}

/** A value at component `c` (1-based) of a field, the components before it empty. */
const atComponent = (c: number, value: string) => [...Array<string>(c - 1).fill(''), value];

/**
 * LIS2-A2 (E1394) answer to a host query, in the query's own delimiters: per sample a P record and an
 * O record. With work: O.5 the universal test ids to run (the code where the profile reads it in R.3),
 * O.12 action code N (new), or A (add to a specimen already run) for an open rerun's parameters, O.26
 * report type Q (response to query). Nothing to do: O.26 Y (no order on record for this test), or Z
 * (no record of this sample), O.5 the query's own test id; and L.3 I (no information available from
 * the last query) when no sample had any work; L.3 Q (error in the last request) when LabFlow could not be asked.
 */
export function astmQueryAnswer(
  samples: QueriedSample[], requestedTest: string[], profile: VendorProfile, d: AstmDelimiters, now = new Date(),
): string[] {
  const sampleAt = parseLocator(profile.astm.orderSampleId);
  const codeAt = parseLocator(profile.astm.resultTestCode);
  // H.2 is the delimiter definition itself (repeat, component, escape); H.5 sender, H.12 processing id, H.13 version, H.14 time
  const records = [['H', `${d.repeat}${d.component}${d.escape}`, '', '', 'LABFLOW', '', '', '', '', '', '', 'P', 'LIS2-A2', stamp(now)].join(d.field)];
  // LabFlow could not be asked: L.3 Q (error in last request for information), so the instrument asks again rather than skip the sample
  if (samples.some((s) => s.workOrder === null)) return [...records, record(d, { 1: ['L'], 2: ['1'], 3: ['Q'] })];
  let anyWork = false;
  samples.forEach((sample, i) => {
    records.push(record(d, { 1: ['P'], 2: [String(i + 1)] }));
    const reports = sample.workOrder?.reports.filter((r) => r.parameters.length > 0) ?? [];
    const codes = reports.flatMap((r) => r.parameters.map((p) => instrumentCodeOf(p.testName, profile.testNames)));
    const rerun = reports.some((r) => r.rerun !== null);
    const order: Record<number, string[] | string[][]> = { 1: ['O'], 2: ['1'] };
    order[sampleAt.field] = atComponent(sampleAt.component, sample.sampleId);
    if (codes.length > 0) {
      anyWork = true;
      order[5] = [...new Set(codes)].map((code) => atComponent(codeAt.component, code));
      order[6] = ['R'];
      order[12] = [rerun ? 'A' : 'N'];
      order[26] = ['Q'];
    } else {
      order[5] = [requestedTest.length > 0 ? requestedTest : atComponent(4, 'ALL')];
      order[26] = [sample.workOrder?.sampleKnown === false ? 'Z' : 'Y'];
    }
    records.push(record(d, order));
  });
  records.push(record(d, { 1: ['L'], 2: ['1'], 3: [anyWork ? 'N' : 'I'] }));
  return records;
}
