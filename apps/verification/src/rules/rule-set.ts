/** How a delta check compares a value with the patient's previous one (CLSI AUTO10/AUTO15). */
export type DeltaMode = 'absolute' | 'percent' | 'rate_per_day';

export interface DeltaRule {
  mode: DeltaMode;
  /** Largest change that still passes: in the parameter's unit, in %, or in unit per day. */
  limit: number;
  /** Only a previous result this many days before the current one counts. */
  lookBackDays: number;
}

/** Which checks apply to one parameter of the test. */
export interface ParameterRule {
  index: number;
  referenceRange: boolean;
  measuringRange: boolean;
  critical: boolean;
  delta: DeltaRule | null;
}

/** Flags that hold results of one device, beside the test's own list. */
export interface DeviceFlagRule {
  deviceId: number;
  blockingParamFlags: string[];
  blockingTestFlags: string[];
}

/** A versioned rule set of one test: what must hold for its reports to be released without a person. */
export interface RuleSet {
  labId: number;
  testId: number;
  version: number;
  parameters: ParameterRule[];
  /** Parameter flags (raw analyzer codes or their HL7 0078 interpretation, e.g. `A`, `W`, `*`, `H~N`). */
  blockingParamFlags: string[];
  /** Report-level flags, e.g. `Blasts/Abn_Lympho?`, `PLT_Clumps?`. */
  blockingTestFlags: string[];
  devices: DeviceFlagRule[];
}
