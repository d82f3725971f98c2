import { decide } from '../rules/decide';
import { aRuleSet, aValue, anInput } from '../rules/rule-fixtures';
import { LAB, VerificationSpecUnit } from '../in-memory-verification.fake';

/** A report decided in the unit: held (haemoglobin 17, above 12–16) or auto-verified, with its state. */
export async function decidedReport(unit: VerificationSpecUnit, labReportId: number, held = true): Promise<string> {
  const inputs = anInput({ labReportId, values: [aValue(held ? { value: '17', numericValue: 17, abnormal: true } : {}), aValue({ index: 5 })] });
  const outcome = decide(inputs, aRuleSet({ labId: LAB }));
  const stored = await unit.decisions.insert({ id: `00000000-0000-4000-8000-${String(labReportId).padStart(12, '0')}`, labId: LAB, labReportId, testId: 10, updateId: '00000000-0000-4000-9000-000000000001', outcome, inputs });
  await unit.states.save({
    labId: LAB, labReportId, billId: 9, patientId: '0b9f7c57-2d59-4a5c-9d0c-2b5f3e5c1a11', testId: 10, values: inputs.values, testFlags: [], testFlagsDeviceId: 7,
    status: outcome.status, decisionId: stored.id, decisions: 1, rejected: false,
  });
  return stored.id;
}
