import { DeviceDataReceived, DeviceValue, labScopedKey, ReportValueUpdate } from '@labflow/contracts';
import { LabReportView } from '../lab-reports/lab-report.repository';
import { StoredTest } from '../lab-reports/test.repository';
import { calculatedValues, evaluateValues, IncomingValue } from '../lab-reports/value-evaluation';

/** What one upload does to one of its lab reports. */
export interface ReportPlan<T> {
  source: T;
  event: DeviceDataReceived;
  report: LabReportView;
  /** The upload's own values for this report (device results). */
  own: DeviceValue[];
  /** Evaluated values: the upload's and the calculated ones. */
  values: ReportValueUpdate[];
  /** False for a signed report: its values only wait in device results for validation. */
  applied: boolean;
  critical: boolean;
  /** The report's criticalValues once this upload is applied. */
  criticalValues: LabReportView['criticalValues'];
}

/**
 * Plans uploads in the order they arrived, as if each were applied before the next is read: an
 * upload sees the values and the critical state the earlier ones of the same batch leave behind
 * (a calculation over two uploads, a second critical value of a report already pending).
 * `reports` and `numbers` are the state before the batch; the planner keeps its own copies.
 */
export class DeviceDataPlanner<T> {
  private readonly reports: Map<string, LabReportView>;
  private readonly numbers: Map<string, Map<number, number>>;

  constructor(
    reports: ReadonlyMap<string, LabReportView>,
    private readonly tests: ReadonlyMap<string, StoredTest>,
    numbers: ReadonlyMap<string, ReadonlyMap<number, number>>,
  ) {
    this.reports = new Map([...reports].map(([k, r]) => [k, { ...r }]));
    this.numbers = new Map([...numbers].map(([k, n]) => [k, new Map(n)]));
  }

  /** A report of the upload that is not in `reports` (deleted, or another lab's: the caller rejects the upload); null when all are. */
  missingReportOf(event: DeviceDataReceived): number | null {
    return event.labReportIds.find((id) => !this.reports.has(labScopedKey(event.labId, id))) ?? null;
  }

  plan(source: T, event: DeviceDataReceived): ReportPlan<T>[] {
    const at = new Date(event.receivedAt);
    return [...new Set(event.labReportIds)].sort((a, b) => a - b).map((id) => {
      const key = labScopedKey(event.labId, id);
      const report = this.reports.get(key)!;
      const test = this.tests.get(labScopedKey(event.labId, report.testId))!;
      const own = event.values.filter((v) => v.labReportId === id);
      const applied = report.isSigned === 0;
      const incoming = own.map(toIncoming);
      if (applied && test.calculations.length > 0) incoming.push(...calculatedValues(test, this.numbersAfter(key, own)));
      const values = evaluateValues(test, report, at, incoming);
      const critical = applied && values.some((v) => v.critical);
      const criticalValues = critical && report.criticalValues === 'none' ? 'pending' : report.criticalValues;
      if (applied) this.remember(key, report, values, criticalValues);
      return { source, event, report: { ...report }, own, values, applied, critical, criticalValues };
    });
  }

  /** Numeric values after this upload: what calculations read. */
  private numbersAfter(key: string, own: DeviceValue[]): Map<number, number> {
    const current = new Map(this.numbers.get(key) ?? []);
    for (const v of own) if (v.numericValue !== undefined) current.set(v.index, v.numericValue);
    return current;
  }

  private remember(key: string, report: LabReportView, values: ReportValueUpdate[], criticalValues: LabReportView['criticalValues']): void {
    const numbers = this.numbers.get(key) ?? new Map<number, number>();
    for (const v of values) {
      if (v.numericValue !== undefined) numbers.set(v.index, v.numericValue);
      else numbers.delete(v.index);
    }
    this.numbers.set(key, numbers);
    report.criticalValues = criticalValues;
  }
}

function toIncoming(v: DeviceValue): IncomingValue {
  return { index: v.index, raw: v.numericValue ?? v.value, paramFlags: v.paramFlags, interpretation: v.interpretation };
}
