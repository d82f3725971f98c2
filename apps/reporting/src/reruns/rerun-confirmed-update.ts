import { randomUUID } from 'node:crypto';
import { RerunConfirmed, ReportValuesUpdated } from '@labflow/contracts';
import { LabReportView } from '../lab-reports/lab-report.repository';
import { StoredTest } from '../lab-reports/test.repository';
import { evaluateValues } from '../lab-reports/value-evaluation';

/**
 * The report.values_updated of a confirmed rerun: the chosen values evaluated like an upload's (the
 * patient's age/gender ranges), so consumers judging values (autoverification) decide the report again.
 */
export function rerunConfirmedUpdate(
  event: RerunConfirmed, report: LabReportView, test: StoredTest, flagsOf: (index: number) => { paramFlags: string[]; interpretation: string[] },
): ReportValuesUpdated {
  const values = evaluateValues(test, report, new Date(), event.confirmed.map((c) => ({ index: c.index, raw: c.value, ...flagsOf(c.index) })));
  return {
    updateId: randomUUID(), labId: report.labId, labReportId: report.id, billId: report.billId, patientId: report.patientId, testId: report.testId,
    sampleId: report.sampleId, departmentId: report.departmentId ?? undefined, source: 'rerun', documentReport: report.documentReport,
    applied: report.isSigned === 0, testFlags: [], values, criticalValues: report.criticalValues, updatedAt: new Date().toISOString(),
  };
}
