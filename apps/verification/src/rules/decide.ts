import { Decision, DecisionInput, FiredRule, ParameterDecision, RULES, RuleName } from './decision';
import { parameterRulesFired } from './parameter-rules';
import { RuleSet } from './rule-set';

/**
 * The autoverification decision of one lab report (pure: no I/O). Each parameter is auto-verified
 * or held with every rule that fired; the report-level rule holds the whole report unless every
 * parameter passes and no report-level rule (report flags, open rerun) fired.
 */
export function decide(input: DecisionInput, ruleSet: RuleSet | null): Decision {
  if (!ruleSet) {
    const report: FiredRule[] = [{ rule: 'no_rule_set', inputs: { testId: input.testId } }];
    return summarize(null, input.values.map((v) => ({ index: v.index, name: nameOf(input, v.index), value: v.value, status: 'held', fired: [] })), report);
  }
  const parameters = [...parameterDecisions(input, ruleSet), ...missingResults(input, ruleSet)].sort((a, b) => a.index - b.index);
  return summarize(ruleSet.version, parameters, reportRulesFired(input, ruleSet));
}

function parameterDecisions(input: DecisionInput, ruleSet: RuleSet): ParameterDecision[] {
  return input.values.map((value) => {
    const rule = ruleSet.parameters.find((p) => p.index === value.index);
    const fired: FiredRule[] = rule
      ? parameterRulesFired(
        rule, value, input.format.find((f) => f.index === value.index), input.previous.find((p) => p.index === value.index), ruleSet, input,
      )
      : [{ rule: 'no_rule', inputs: { index: value.index, value: value.value } }];
    return { index: value.index, name: nameOf(input, value.index), value: value.value, status: fired.length > 0 ? 'held' : 'auto_verified', fired };
  });
}

/** A parameter the rule set names without a result yet: the panel is not complete. */
function missingResults(input: DecisionInput, ruleSet: RuleSet): ParameterDecision[] {
  const present = new Set(input.values.map((v) => v.index));
  return ruleSet.parameters.filter((p) => !present.has(p.index)).map((p) => ({
    index: p.index, name: nameOf(input, p.index), value: null, status: 'held', fired: [{ rule: 'missing_result', inputs: { index: p.index } }],
  }));
}

function reportRulesFired(input: DecisionInput, ruleSet: RuleSet): FiredRule[] {
  const fired: FiredRule[] = [];
  const device = ruleSet.devices.find((d) => d.deviceId === input.testFlagsDeviceId);
  const blocking = new Set([...ruleSet.blockingTestFlags, ...(device?.blockingTestFlags ?? [])]);
  const flags = [...new Set(input.testFlags.filter((f) => blocking.has(f)))];
  if (flags.length > 0) fired.push({ rule: 'test_flag', inputs: { flags, testFlags: input.testFlags, deviceId: input.testFlagsDeviceId } });
  if (input.openRerun) fired.push({ rule: 'open_rerun', inputs: { ...input.openRerun } });
  return fired;
}

function summarize(version: number | null, parameters: ParameterDecision[], report: FiredRule[]): Decision {
  const fired = new Set<RuleName>([...report, ...parameters.flatMap((p) => p.fired)].map((f) => f.rule));
  const held = report.length > 0 || parameters.some((p) => p.status === 'held') || parameters.length === 0;
  return { status: held ? 'held' : 'auto_verified', ruleSetVersion: version, reasons: RULES.filter((r) => fired.has(r)), parameters, report };
}

function nameOf(input: DecisionInput, index: number): string | null {
  return input.format.find((f) => f.index === index)?.name ?? null;
}
