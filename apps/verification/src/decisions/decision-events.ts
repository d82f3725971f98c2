import { ReportAutoverified, ReportHeld, ReportValuesUpdated } from '@labflow/contracts';
import { Decision } from '../rules/decision';

/** The catalog payload of a decision: report.autoverified or report.held (with the reasons). */
export function decisionEvent(decisionId: string, e: ReportValuesUpdated, d: Decision, decidedAt: string): { held: false; payload: ReportAutoverified } | { held: true; payload: ReportHeld } {
  const common: ReportAutoverified = {
    decisionId, labId: e.labId, labReportId: e.labReportId, billId: e.billId, patientId: e.patientId, testId: e.testId, updateId: e.updateId,
    ruleSetVersion: d.ruleSetVersion ?? undefined, decidedAt,
    parameters: d.parameters.map((p) => ({ index: p.index, name: p.name ?? undefined, value: p.value ?? undefined, status: p.status, fired: p.fired })),
  };
  if (d.status === 'auto_verified') return { held: false, payload: common };
  return { held: true, payload: { ...common, reasons: d.reasons, report: d.report } };
}
