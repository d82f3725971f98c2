import { SaveRuleSetInput } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { RuleSet } from '../rules/rule-set';

type Rules = Pick<RuleSet, 'parameters' | 'blockingParamFlags' | 'blockingTestFlags' | 'devices'>;

/** What a rule set must satisfy beyond its types: each parameter and device once, every index in the test's format. */
export function checkRuleSet(input: SaveRuleSetInput, testIndexes: readonly number[]): void {
  const known = new Set(testIndexes);
  const seen = new Set<number>();
  input.parameters.forEach((p, i) => {
    if (!known.has(p.index)) throw new DomainException(400, 'UNKNOWN_TEST_PARAMETER', `parameters.${i}.index ${p.index} is not a parameter of this test`);
    if (seen.has(p.index)) throw new DomainException(400, 'VALIDATION_FAILED', `parameters.${i}.index ${p.index} is repeated`);
    seen.add(p.index);
  });
  const devices = new Set<number>();
  (input.devices ?? []).forEach((d, i) => {
    if (devices.has(d.deviceId)) throw new DomainException(400, 'VALIDATION_FAILED', `devices.${i}.deviceId ${d.deviceId} is repeated`);
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
