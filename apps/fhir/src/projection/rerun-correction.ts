import { RerunConfirmed, RerunConfirmedValue } from '@labflow/contracts';
import { judgeAgainst } from '../mapping/interpretation';
import { ObservationState } from '../mapping/read-model';

const NUMERIC = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * seed 000 §4 → FHIR: a confirmed value that differs from the report's original makes the Observation
 * `corrected` (the original kept as the replaced value); a value where the report had none makes it
 * `amended`; a kept original changes nothing. The rerun value carries no analyzer flags and is judged
 * against the range the original value had. Order-independent: the originals travel in the event.
 */
export function rerunCorrections(event: RerunConfirmed, existing: ReadonlyMap<number, ObservationState>): ObservationState[] {
  const originals = new Map(event.originalValues.map((o) => [o.index, o.value]));
  return event.confirmed.flatMap((c) => {
    const before = existing.get(c.index) ?? null;
    const original = originals.get(c.index) ?? before?.value;
    if (c.choice === 'original' || original === c.value) return [];
    const numericValue = NUMERIC.test(c.value) ? Number(c.value) : null;
    const referenceRange = before?.referenceRange ?? null;
    return [{
      labReportId: event.labReportId, index: c.index, value: c.value, numericValue,
      ...judgeAgainst(numericValue, referenceRange),
      paramFlags: [], interpretation: [], referenceRange,
      deviceId: rerunDeviceOf(event, c) ?? before?.deviceId ?? null,
      replacedValue: original ?? null,
      change: original === undefined ? 'amended' : 'corrected',
      issuedAt: event.confirmedAt,
    }];
  });
}

/** The device that measured the chosen rerun value (rerun keeps device ids as strings). */
function rerunDeviceOf(event: RerunConfirmed, c: RerunConfirmedValue): number | null {
  if (c.choice !== 'rerun') return null;
  const chosen = event.rerunValues.find((v) => v.index === c.index && v.rerunNumber === c.chosenRerunNumber);
  return chosen && /^\d{1,9}$/.test(chosen.deviceId) ? Number(chosen.deviceId) : null;
}
