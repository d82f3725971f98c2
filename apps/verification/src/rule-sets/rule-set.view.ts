import { RuleSetView } from '@labflow/contracts';
import { StoredRuleSet } from './rule-set.repository';

export function ruleSetView(r: StoredRuleSet): RuleSetView {
  return {
    testId: r.testId, version: r.version, active: r.active, parameters: r.parameters, blockingParamFlags: r.blockingParamFlags,
    blockingTestFlags: r.blockingTestFlags, devices: r.devices, createdBy: r.createdBy, createdAt: r.createdAt,
  };
}
