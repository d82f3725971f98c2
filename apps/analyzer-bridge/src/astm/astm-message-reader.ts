import { HostQuery, InstrumentMessage, InstrumentResult, SampleReport } from '../results/instrument-message';
import { parseLocator } from '../profiles/locator';
import { VendorProfile } from '../profiles/vendor-profile';
import { isReportFlag, reportFlagText } from '../results/report-flags';
import { AstmRecord } from './astm-record';

const at = (record: AstmRecord, locator: string) => {
  const l = parseLocator(locator);
  return record.component(l.field, l.component);
};
const allAt = (record: AstmRecord, locator: string) => {
  const l = parseLocator(locator);
  return record.componentOfRepeats(l.field, l.component);
};

/**
 * Reads one E1394 message (H … L) as the profile describes it: each O record opens a sample, its R
 * records are its results, a C record comments on the record before it, a Q record asks for work.
 */
export function readAstmMessage(records: readonly AstmRecord[], profile: VendorProfile): InstrumentMessage {
  const layout = profile.astm;
  const samples: SampleReport[] = [];
  const queries: HostQuery[] = [];
  let sample: SampleReport | null = null;
  let last: InstrumentResult | SampleReport | null = null;
  const header = records.find((r) => r.type === 'H');
  for (const record of records) {
    switch (record.type) {
      case 'O': {
        const sampleId = at(record, layout.orderSampleId).trim();
        const qc = profile.qc.actionCodes.includes(at(record, layout.orderActionCode))
          || matches(profile.qc.sampleIdPattern, sampleId);
        sample = samples.find((s) => s.sampleId === sampleId) ?? null;
        if (!sample) {
          sample = { sampleId, results: [], reportFlags: [], qc, comments: [] };
          samples.push(sample);
        }
        last = sample;
        break;
      }
      case 'R': {
        if (!sample) break; // a result outside an order has no sample: kept in the raw message only
        const result = resultOf(record, profile);
        if (isReportFlag(profile.reportFlags, result.code)) sample.reportFlags.push(reportFlagText(profile.reportFlags, result));
        else sample.results.push(result);
        last = result;
        break;
      }
      case 'C': {
        const text = record.repeats(4).map((r) => r.filter(Boolean).join(' ')).filter(Boolean).join(' ');
        if (text && last) last.comments.push(text);
        break;
      }
      case 'Q':
        queries.push({ sampleIds: allAt(record, layout.querySampleId).map((s) => s.trim()).filter(Boolean), requestedTest: record.repeats(5)[0] ?? [] });
        break;
      case 'H': case 'P': case 'M': case 'L':
        break;
    }
  }
  return { protocol: 'astm', controlId: header?.component(3) ?? '', messageType: 'ASTM', samples, queries };
}

function resultOf(record: AstmRecord, profile: VendorProfile): InstrumentResult {
  const layout = profile.astm;
  const flags = allAt(record, layout.resultFlags);
  const valueFlag = layout.resultValueFlag ? at(record, layout.resultValueFlag) : '';
  return {
    code: at(record, layout.resultTestCode).trim(),
    value: at(record, layout.resultValue).trim(),
    units: at(record, layout.resultUnits),
    range: at(record, layout.resultRange),
    flags: valueFlag ? [valueFlag, ...flags] : flags,
    status: at(record, layout.resultStatus),
    comments: [],
  };
}

function matches(pattern: string | undefined, text: string): boolean {
  return pattern !== undefined && new RegExp(pattern).test(text);
}
