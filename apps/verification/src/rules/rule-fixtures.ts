import { DecisionInput, EvaluatedValue, FormatParameter, PatientRange } from './decision';
import { ParameterRule, RuleSet } from './rule-set';

/** Factories for the rule engine's specs: a CBC-like panel (4 haemoglobin, 5 RBC). */
export const CBC_FORMAT: FormatParameter[] = [
  { index: 4, name: 'Haemoglobin', linearityLower: 0, linearityUpper: 25 },
  { index: 5, name: 'RBC', linearityLower: null, linearityUpper: null },
];

/** The parameters' own ranges (no age band), as reporting applies them to a patient without one. */
export const CBC_RANGES: Record<number, PatientRange> = {
  4: { lower: 12, upper: 16, criticalLower: 7, criticalUpper: 20, ageBand: null },
  5: { lower: 4.5, upper: 5.5, criticalLower: 2, criticalUpper: 8, ageBand: null },
};

export function aValue(over: Partial<EvaluatedValue> = {}): EvaluatedValue {
  const index = over.index ?? 4;
  const normal = index === 5 ? 5 : 14;
  return {
    index, value: String(normal), numericValue: normal, abnormal: false, critical: false, paramFlags: [], interpretation: [],
    deviceId: 7, observedAt: '2026-05-25T10:00:00.000Z', range: CBC_RANGES[index] ?? null, ...over,
  };
}

export function aParameterRule(over: Partial<ParameterRule> = {}): ParameterRule {
  return { index: 4, referenceRange: true, measuringRange: true, critical: true, delta: null, ...over };
}

export function aRuleSet(over: Partial<RuleSet> = {}): RuleSet {
  return {
    labId: 1, testId: 10, version: 3, parameters: [aParameterRule(), aParameterRule({ index: 5 })],
    blockingParamFlags: ['A', 'W', '*', 'H~N'], blockingTestFlags: ['Blasts/Abn_Lympho?', 'PLT_Clumps?'], devices: [], ...over,
  };
}

export function anInput(over: Partial<DecisionInput> = {}): DecisionInput {
  return {
    labReportId: 100, testId: 10, values: [aValue(), aValue({ index: 5, value: '5', numericValue: 5 })], testFlags: [], testFlagsDeviceId: 7,
    format: CBC_FORMAT, previous: [], openRerun: null, qcHolds: [], ...over,
  };
}
