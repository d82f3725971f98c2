import { DecisionInput, EvaluatedValue, FiredRule, FormatParameter, PreviousResult } from './decision';
import { deltaCheck } from './delta-check';
import { criticalFired, referenceRangeFired } from './patient-range';
import { ParameterRule, RuleSet } from './rule-set';

/** The rules of one parameter's value; every rule that fires is listed with what it saw. */
export function parameterRulesFired(
  rule: ParameterRule, value: EvaluatedValue, format: FormatParameter | undefined, previous: PreviousResult | undefined,
  ruleSet: RuleSet, input: DecisionInput,
): FiredRule[] {
  const fired: FiredRule[] = [];
  const reference = rule.referenceRange ? referenceRangeFired(value) : null;
  if (reference) fired.push(reference);
  if (rule.measuringRange) {
    const outside = outsideMeasuringRange(value, format);
    if (outside) fired.push({ rule: 'measuring_range', inputs: outside });
  }
  const critical = rule.critical ? criticalFired(value) : null;
  if (critical) fired.push(critical);
  const flags = blockingFlagsOf(value, ruleSet);
  if (flags.length > 0) {
    fired.push({ rule: 'param_flag', inputs: { value: value.value, flags, paramFlags: value.paramFlags, interpretation: value.interpretation } });
  }
  if (rule.delta && value.numericValue !== null) {
    const delta = deltaCheck(rule.delta, value.numericValue, value.observedAt, previous);
    if (delta) {
      const { fired: breaksLimit, ...inputs } = delta;
      if (breaksLimit) fired.push({ rule: 'delta_check', inputs: { ...inputs } });
    }
  }
  const hold = value.deviceId === null ? undefined : input.qcHolds.find((h) => h.deviceId === value.deviceId);
  if (hold) fired.push({ rule: 'qc_hold', inputs: { deviceId: hold.deviceId, since: hold.since, reason: hold.reason } });
  return fired;
}

/**
 * Outside the measuring (linearity) range: a number beyond the bounds, or a qualitative `<x` / `>x`
 * an analyzer reports beyond what it can measure.
 */
function outsideMeasuringRange(value: EvaluatedValue, format: FormatParameter | undefined): Record<string, unknown> | null {
  const lower = format?.linearityLower ?? null;
  const upper = format?.linearityUpper ?? null;
  const inputs = { value: value.value, linearityLower: lower, linearityUpper: upper };
  if (value.numericValue === null) return /^\s*[<>]/.test(value.value) ? inputs : null;
  if (lower !== null && value.numericValue < lower) return inputs;
  if (upper !== null && value.numericValue > upper) return inputs;
  return null;
}

/** The value's flags (raw or normalized) that the rule set or its device's list names. */
function blockingFlagsOf(value: EvaluatedValue, ruleSet: RuleSet): string[] {
  const device = ruleSet.devices.find((d) => d.deviceId === value.deviceId);
  const blocking = new Set([...ruleSet.blockingParamFlags, ...(device?.blockingParamFlags ?? [])]);
  const present = [...value.paramFlags, ...value.interpretation].filter((f) => f !== '');
  return [...new Set(present.filter((f) => blocking.has(f)))];
}
