import { parseLocator } from '../profiles/locator';
import { VendorProfile } from '../profiles/vendor-profile';
import { InstrumentMessage, InstrumentResult, SampleReport } from '../results/instrument-message';
import { isReportFlag, reportFlagText } from '../results/report-flags';
import { Hl7Message, Hl7Segment } from './hl7-message';

/** The message types the bridge takes results from (ORU^R01 observations, OUL^R22 specimen-oriented results). */
export const RESULT_MESSAGE_TYPES = ['ORU^R01', 'OUL^R22'];

export const messageTypeOf = (message: Hl7Message): string => {
  const msh = message.segment('MSH');
  return msh ? `${msh.component(9, 1)}^${msh.component(9, 2)}` : '';
};

const at = (segment: Hl7Segment | undefined, locator: string) => {
  const l = parseLocator(locator);
  return segment ? segment.component(l.field, l.component) : '';
};

/**
 * Reads ORU^R01 / OUL^R22 as the profile describes it. SPM and OBR open a sample (its id the first
 * non-empty of the profile's locators over the SPM/OBR in hand); OBX are its results; NTE comments on
 * the segment before it; an OBX of a report-flag value type (IS by default) is a report-level message.
 */
export function readHl7Message(message: Hl7Message, profile: VendorProfile): InstrumentMessage {
  const layout = profile.hl7;
  const context = new Map<string, Hl7Segment>();
  const samples: SampleReport[] = [];
  let sample: SampleReport | null = null;
  let last: InstrumentResult | SampleReport | null = null;
  const open = () => {
    const sampleId = layout.sampleId.map((l) => at(context.get(parseLocator(l).segment), l).trim()).find((id) => id !== '') ?? '';
    const role = context.get('SPM')?.component(11) ?? '';
    const qc = layout.qcSpecimenRoles.includes(role) || (profile.qc.sampleIdPattern !== undefined && new RegExp(profile.qc.sampleIdPattern).test(sampleId));
    sample = samples.find((s) => s.sampleId === sampleId) ?? null;
    if (!sample) {
      sample = { sampleId, results: [], reportFlags: [], qc, comments: [] };
      samples.push(sample);
    }
    last = sample;
  };
  for (const segment of message.segments) {
    switch (segment.name) {
      case 'SPM':
        context.delete('OBR');
        context.set('SPM', segment);
        open();
        break;
      case 'OBR':
        context.set('OBR', segment);
        open();
        break;
      case 'OBX': {
        if (!sample) break;
        const current: SampleReport = sample;
        const result = resultOf(segment, profile);
        const valueType = segment.component(2);
        if (layout.reportFlagValueTypes.includes(valueType)) current.reportFlags.push(result.value || result.code);
        else if (isReportFlag(profile.reportFlags, result.code)) current.reportFlags.push(reportFlagText(profile.reportFlags, result));
        else current.results.push(result);
        last = result;
        break;
      }
      case 'NTE': {
        const text = segment.componentOfRepeats(3).join(' ');
        if (text && last) (last as { comments: string[] }).comments.push(text);
        break;
      }
      default:
        break;
    }
  }
  const msh = message.segment('MSH');
  return { protocol: 'hl7', controlId: msh?.component(10) ?? '', messageType: messageTypeOf(message), samples, queries: [] };
}

function resultOf(segment: Hl7Segment, profile: VendorProfile): InstrumentResult {
  const layout = profile.hl7;
  const flags = parseLocator(layout.flags);
  return {
    code: at(segment, layout.testCode).trim(),
    value: at(segment, layout.value).trim(),
    units: at(segment, layout.units),
    range: at(segment, layout.range),
    flags: segment.componentOfRepeats(flags.field, flags.component),
    status: at(segment, layout.status),
    comments: [],
  };
}
