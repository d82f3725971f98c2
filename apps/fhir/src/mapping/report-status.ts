import { LabReportState, ObservationChange, ObservationState } from './read-model';

export type DiagnosticReportStatus = 'registered' | 'partial' | 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled';
export type ObservationStatus = 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled';

/**
 * DiagnosticReport.status from LabFlow's states: cancelled; registered (no value yet); corrected (a
 * confirmed rerun changed a value) or amended (it only added values); final (signed); partial (values
 * arriving: a parameter of the format still has none); preliminary (every parameter has a value,
 * not signed yet — also what autoverification's hold would show).
 */
export function diagnosticReportStatus(
  report: Pick<LabReportState, 'signed' | 'cancelled'>, observations: readonly Pick<ObservationState, 'index' | 'change'>[],
  expectedIndexes: readonly number[],
): DiagnosticReportStatus {
  if (report.cancelled) return 'cancelled';
  if (observations.length === 0) return 'registered';
  const change = reportChange(observations.map((o) => o.change));
  if (change !== 'none') return change;
  if (report.signed) return 'final';
  const observed = new Set(observations.map((o) => o.index));
  return expectedIndexes.some((i) => !observed.has(i)) ? 'partial' : 'preliminary';
}

export function observationStatus(report: Pick<LabReportState, 'signed' | 'cancelled'>, change: ObservationChange): ObservationStatus {
  if (report.cancelled) return 'cancelled';
  if (change !== 'none') return change;
  return report.signed ? 'final' : 'preliminary';
}

function reportChange(changes: ObservationChange[]): ObservationChange {
  if (changes.includes('corrected')) return 'corrected';
  return changes.includes('amended') ? 'amended' : 'none';
}
