import { VendorProfile } from '../profiles/vendor-profile';
import { InstrumentMessage, InstrumentResult, SampleReport } from './instrument-message';

/** The `dataPartialFromDevice/` body (seed 002 §2) without deviceAuth, which is added at delivery from the config. */
export interface DeviceUpload {
  labId: number;
  sampleId: string;
  test_flags: string[];
  data: { values: { testName: string; value: number | string; param_flags: string[] }[] };
  device_extra_data: Record<string, unknown>;
}

/** What one message becomes: uploads (one per patient sample), QC runs kept apart, and samples left out with why. */
export interface MessageOutcome {
  uploads: DeviceUpload[];
  qc: SampleReport[];
  skipped: { sampleId: string; reason: string }[];
}

// the gateway's limits (DataPartialFromDeviceInput): longer lists would refuse the whole upload
const MAX_FLAGS = 50;
const MAX_VALUES = 500;

/** A plain decimal the instrument sent ("5.4", "-0.2") travels as a number, as in seed 002's example; anything else ("<0.1", "POS") as text. */
export function analyzerValue(text: string): number | string {
  return /^[-+]?\d+(\.\d+)?$/.test(text) && String(Number(text)) === text.replace(/^\+/, '') ? Number(text) : text;
}

/**
 * Seed 002 §2: the results of one sample become one upload. Per-result flags are its param_flags,
 * report-level messages its test_flags; units, ranges, statuses and comments travel in
 * device_extra_data, with every result (an empty value, a code the lab did not map) so none is lost.
 */
export function uploadsOf(message: InstrumentMessage, labId: number, profile: VendorProfile): MessageOutcome {
  const outcome: MessageOutcome = { uploads: [], qc: [], skipped: [] };
  for (const sample of message.samples) {
    if (sample.qc) {
      outcome.qc.push(sample);
      continue;
    }
    if (!sample.sampleId) {
      outcome.skipped.push({ sampleId: '', reason: 'no sample id where the profile looks for it' });
      continue;
    }
    const withValue = sample.results.filter((r) => r.value !== '');
    if (withValue.length === 0) {
      outcome.skipped.push({ sampleId: sample.sampleId, reason: 'no result with a value' });
      continue;
    }
    outcome.uploads.push({
      labId,
      sampleId: sample.sampleId,
      test_flags: sample.reportFlags.slice(0, MAX_FLAGS),
      data: {
        values: withValue.slice(0, MAX_VALUES).map((r) => ({
          testName: testNameOf(r, profile), value: analyzerValue(r.value), param_flags: r.flags.slice(0, MAX_FLAGS),
        })),
      },
      device_extra_data: extraDataOf(message, sample, profile),
    });
  }
  return outcome;
}

const testNameOf = (result: InstrumentResult, profile: VendorProfile) => profile.testNames[result.code] ?? result.code;

function extraDataOf(message: InstrumentMessage, sample: SampleReport, profile: VendorProfile): Record<string, unknown> {
  return {
    source: 'analyzer-bridge',
    protocol: message.protocol,
    profile: profile.name,
    ...(message.controlId ? { control_id: message.controlId } : {}),
    results: sample.results.map((r) => ({
      testName: testNameOf(r, profile), code: r.code, value: r.value, units: r.units, range: r.range,
      flags: r.flags, status: r.status, ...(r.comments.length ? { comments: r.comments } : {}),
    })),
    ...(sample.comments.length ? { comments: sample.comments } : {}),
  };
}
