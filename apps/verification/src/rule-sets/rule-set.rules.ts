import { SaveRuleSetInput } from '@labflow/contracts';
import { RuleSet } from '../rules/rule-set';
import { verificationError } from '../verification.errors';

type Rules = Pick<RuleSet, 'parameters' | 'blockingParamFlags' | 'blockingTestFlags' | 'devices'>;

/** What a rule set must satisfy beyond its types: each parameter and device once, every index in the test's format. */
export function checkRuleSet(input: SaveRuleSetInput, testIndexes: readonly number[]): void {
  const known = new Set(testIndexes);
  const seen = new Set<number>();
  input.parameters.forEach((p, i) => {
    if (!known.has(p.index)) throw verificationError('UNKNOWN_TEST_PARAMETER', `parameters.${i}.index`, String(p.index));
    if (seen.has(p.index)) throw verificationError('VALIDATION_FAILED', `parameters.${i}.index`, String(p.index));
    seen.add(p.index);
  });
  const devices = new Set<number>();
  (input.devices ?? []).forEach((d, i) => {
    if (devices.has(d.deviceId)) throw verificationError('VALIDATION_FAILED', `devices.${i}.deviceId`, String(d.deviceId));
    devices.add(d.deviceId);
  });
}

/** The stored form: every check explicit (on unless turned off). */
export function rulesOf(input: SaveRuleSetInput): Rules {
  return {
    parameters: input.parameters.map((p) => ({
      index: p.index, referenceRange: p.referenceRange ?? true, measuringRange: p.measuringRange ?? true, critical: p.critical ?? true,
      delta: p.delta ? { mode: p.delta.mode, limit: p.delta.limit, lookBackDays: p.delta.lookBackDays } : null,
    })),
    blockingParamFlags: [...new Set(input.blockingParamFlags)],
    blockingTestFlags: [...new Set(input.blockingTestFlags)],
    devices: (input.devices ?? []).map((d) => ({ deviceId: d.deviceId, blockingParamFlags: d.blockingParamFlags, blockingTestFlags: d.blockingTestFlags })),
  };
}
