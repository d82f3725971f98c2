import { DeltaInputs, PreviousResult } from './decision';
import { DeltaRule } from './rule-set';

const DAY_MS = 86_400_000;
/** Two results closer than this are one hour apart for a rate: a rate over seconds says nothing. */
const MIN_RATE_INTERVAL_MS = 3_600_000;

/**
 * Delta check (CLSI AUTO10/AUTO15): compares a value with the patient's previous result of the same
 * parameter. Passes (null) when there is no previous result inside the look-back window; otherwise
 * returns what it compared, with `fired` when the change is larger than the limit.
 */
export function deltaCheck(rule: DeltaRule, value: number, observedAt: string, previous: PreviousResult | undefined): (DeltaInputs & { fired: boolean }) | null {
  if (!previous) return null;
  const elapsedMs = Date.parse(observedAt) - Date.parse(previous.observedAt);
  if (!(elapsedMs > 0) || elapsedMs > rule.lookBackDays * DAY_MS) return null;
  const difference = Math.abs(value - previous.numericValue);
  const change = changeOf(rule, difference, previous.numericValue, elapsedMs);
  return {
    mode: rule.mode, limit: rule.limit, lookBackDays: rule.lookBackDays, value, previousValue: previous.numericValue,
    previousAt: previous.observedAt, previousLabReportId: previous.labReportId, change: round(change), fired: change > rule.limit,
  };
}

function changeOf(rule: DeltaRule, difference: number, previousValue: number, elapsedMs: number): number {
  switch (rule.mode) {
    case 'absolute':
      return difference;
    case 'percent':
      if (previousValue === 0) return difference === 0 ? 0 : Number.POSITIVE_INFINITY;
      return (difference / Math.abs(previousValue)) * 100;
    case 'rate_per_day':
      return difference / (Math.max(elapsedMs, MIN_RATE_INTERVAL_MS) / DAY_MS);
  }
}

function round(n: number): number {
  return Number.isFinite(n) ? Math.round(n * 1e6) / 1e6 : n;
}
