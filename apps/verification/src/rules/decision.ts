import { DeltaMode } from './rule-set';

/** Every rule a decision can fire, each named by the reason it holds a result. */
export const RULES = [
  'no_rule_set', 'no_rule', 'missing_result', 'reference_range', 'measuring_range', 'critical', 'param_flag', 'test_flag',
  'delta_check', 'open_rerun', 'qc_hold',
] as const;
export type RuleName = (typeof RULES)[number];

/** One value of the report as reporting evaluated it (report.values_updated), with where it came from. */
export interface EvaluatedValue {
  index: number;
  value: string;
  numericValue: number | null;
  /** outside the reference range for the patient's age and gender (reporting's evaluation) */
  abnormal: boolean;
  critical: boolean;
  paramFlags: string[];
  /** HL7 0078 codes beside the raw flags, position by position */
  interpretation: string[];
  deviceId: number | null;
  observedAt: string;
  /** The range reporting judged the value against (the patient's age and gender); absent in inputs stored before it was carried. */
  range?: PatientRange | null;
}

/** The ageRangeData band a patient's range came from. */
export interface AgeBand { gender: string; ageFrom: number; ageTo: number; ageUnit: string }

/** The reference and critical range for the patient's age and gender, as reporting applied it. */
export interface PatientRange {
  lower: number | null;
  upper: number | null;
  criticalLower: number | null;
  criticalUpper: number | null;
  /** null: the parameter's own range (no ageRangeData band applied). */
  ageBand: AgeBand | null;
}

/** What the test's format says of a parameter (report_format.saved); the patient's range comes with each value. */
export interface FormatParameter {
  index: number;
  name: string;
  linearityLower: number | null;
  linearityUpper: number | null;
}

/** The patient's most recent earlier result of the same test parameter (another lab report). */
export interface PreviousResult {
  index: number;
  numericValue: number;
  observedAt: string;
  labReportId: number;
}

export interface OpenRerun { since: string; requestedParameters: number[] }
export interface QcHold { deviceId: number; since: string; reason: string | null }

/** Everything a decision reads: the rule engine does no I/O. */
export interface DecisionInput {
  labReportId: number;
  testId: number;
  values: EvaluatedValue[];
  testFlags: string[];
  /** Devices whose report flags these are (the latest upload's). */
  testFlagsDeviceId: number | null;
  format: FormatParameter[];
  previous: PreviousResult[];
  openRerun: OpenRerun | null;
  qcHolds: QcHold[];
}

/** A rule that fired, with the inputs it saw. */
export interface FiredRule {
  rule: RuleName;
  inputs: Record<string, unknown>;
}

export type ParameterStatus = 'auto_verified' | 'held';

export interface ParameterDecision {
  index: number;
  name: string | null;
  value: string | null;
  status: ParameterStatus;
  fired: FiredRule[];
}

export interface Decision {
  status: ParameterStatus;
  ruleSetVersion: number | null;
  /** Distinct rules that fired, in the order of RULES. */
  reasons: RuleName[];
  parameters: ParameterDecision[];
  /** Report-level rules that fired (report flags, open rerun, no rule set). */
  report: FiredRule[];
}

export interface DeltaInputs {
  mode: DeltaMode;
  limit: number;
  lookBackDays: number;
  value: number;
  previousValue: number;
  previousAt: string;
  previousLabReportId: number;
  change: number;
}
