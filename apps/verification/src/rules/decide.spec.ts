import { decide } from './decide';
import { aParameterRule, aRuleSet, aValue, anInput } from './rule-fixtures';

describe('decide', () => {
  const sut = decide;

  it('auto-verifies a report whose every parameter passes', () => {
    const decision = sut(anInput(), aRuleSet());
    expect(decision).toEqual({
      status: 'auto_verified', ruleSetVersion: 3, reasons: [], report: [],
      parameters: [
        { index: 4, name: 'Haemoglobin', value: '14', status: 'auto_verified', fired: [] },
        { index: 5, name: 'RBC', value: '5', status: 'auto_verified', fired: [] },
      ],
    });
  });

  it('holds the whole report when one parameter is out of its reference range', () => {
    const decision = sut(anInput({ values: [aValue({ value: '17', numericValue: 17, abnormal: true }), aValue({ index: 5, value: '5', numericValue: 5 })] }), aRuleSet());
    expect(decision.status).toBe('held');
    expect(decision.reasons).toEqual(['reference_range']);
    expect(decision.parameters.map((p) => p.status)).toEqual(['held', 'auto_verified']);
    expect(decision.parameters[0].fired).toEqual([{ rule: 'reference_range', inputs: { value: '17', abnormal: true, range: { lower: 12, upper: 16, ageBand: null } } }]);
  });

  it('does not check the reference range when the rule set turns it off', () => {
    const rules = aRuleSet({ parameters: [aParameterRule({ referenceRange: false }), aParameterRule({ index: 5 })] });
    expect(sut(anInput({ values: [aValue({ value: '17', numericValue: 17, abnormal: true }), aValue({ index: 5, value: '5', numericValue: 5 })] }), rules).status).toBe('auto_verified');
  });

  it('holds a value outside the measuring range, numeric or reported beyond it', () => {
    expect(sut(anInput({ values: [aValue({ value: '26', numericValue: 26, range: null }), aValue({ index: 5 })] }), aRuleSet()).parameters[0].fired)
      .toEqual([{ rule: 'measuring_range', inputs: { value: '26', linearityLower: 0, linearityUpper: 25 } }]);
    expect(sut(anInput({ values: [aValue({ value: '>25', numericValue: null, range: null }), aValue({ index: 5 })] }), aRuleSet()).reasons).toEqual(['measuring_range']);
    expect(sut(anInput({ values: [aValue({ value: '-1', numericValue: -1, range: null }), aValue({ index: 5 })] }), aRuleSet()).reasons).toEqual(['measuring_range']);
  });

  it('holds a critical value and lists every rule it fired', () => {
    const decision = sut(anInput({ values: [aValue({ value: '6', numericValue: 6, abnormal: true, critical: true }), aValue({ index: 5 })] }), aRuleSet());
    expect(decision.reasons).toEqual(['reference_range', 'critical']);
    expect(decision.parameters[0].fired.map((f) => f.rule)).toEqual(['reference_range', 'critical']);
  });

  it('holds a blocking parameter flag, raw or normalized, and ignores flags not on the list', () => {
    const raw = sut(anInput({ values: [aValue({ paramFlags: ['P1', 'H~N'], interpretation: ['', 'H'] }), aValue({ index: 5 })] }), aRuleSet());
    expect(raw.parameters[0].fired).toEqual([{ rule: 'param_flag', inputs: { value: '14', flags: ['H~N'], paramFlags: ['P1', 'H~N'], interpretation: ['', 'H'] } }]);
    const normalized = sut(anInput({ values: [aValue({ paramFlags: ['Abn'], interpretation: ['A'] }), aValue({ index: 5 })] }), aRuleSet());
    expect(normalized.parameters[0].fired[0].inputs.flags).toEqual(['A']);
    expect(sut(anInput({ values: [aValue({ paramFlags: ['P1'], interpretation: [''] }), aValue({ index: 5 })] }), aRuleSet()).status).toBe('auto_verified');
  });

  it('adds the blocking flags of the value\'s device to the test\'s', () => {
    const rules = aRuleSet({ devices: [{ deviceId: 7, blockingParamFlags: ['P1'], blockingTestFlags: ['Sample_Aged'] }] });
    expect(sut(anInput({ values: [aValue({ paramFlags: ['P1'] }), aValue({ index: 5 })] }), rules).reasons).toEqual(['param_flag']);
    expect(sut(anInput({ values: [aValue({ paramFlags: ['P1'], deviceId: 8 }), aValue({ index: 5 })] }), rules).reasons).toEqual([]);
    expect(sut(anInput({ testFlags: ['Sample_Aged'] }), rules).reasons).toEqual(['test_flag']);
  });

  it('holds the whole report on a blocking report flag', () => {
    const decision = sut(anInput({ testFlags: ['PLT_Clumps?', 'Other'] }), aRuleSet());
    expect(decision.status).toBe('held');
    expect(decision.report).toEqual([{ rule: 'test_flag', inputs: { flags: ['PLT_Clumps?'], testFlags: ['PLT_Clumps?', 'Other'], deviceId: 7 } }]);
    expect(decision.parameters.every((p) => p.status === 'auto_verified')).toBe(true);
  });

  it('holds a delta check failure with the previous value and its date', () => {
    const rules = aRuleSet({ parameters: [aParameterRule({ delta: { mode: 'percent', limit: 10, lookBackDays: 30 } }), aParameterRule({ index: 5 })] });
    const previous = [{ index: 4, numericValue: 12, observedAt: '2026-05-20T10:00:00.000Z', labReportId: 90 }];
    const decision = sut(anInput({ previous }), rules);
    expect(decision.reasons).toEqual(['delta_check']);
    expect(decision.parameters[0].fired).toEqual([{
      rule: 'delta_check',
      inputs: { mode: 'percent', limit: 10, lookBackDays: 30, value: 14, previousValue: 12, previousAt: '2026-05-20T10:00:00.000Z', previousLabReportId: 90, change: 16.666667 },
    }]);
    expect(sut(anInput({ previous: [{ ...previous[0], numericValue: 13.5 }] }), rules).status).toBe('auto_verified');
  });

  it('holds a report with an open rerun', () => {
    const openRerun = { since: '2026-05-25T09:00:00.000Z', requestedParameters: [4] };
    const decision = sut(anInput({ openRerun }), aRuleSet());
    expect(decision.reasons).toEqual(['open_rerun']);
    expect(decision.report).toEqual([{ rule: 'open_rerun', inputs: openRerun }]);
  });

  it('holds the values of a device under QC hold only', () => {
    const qcHolds = [{ deviceId: 8, since: '2026-05-25T06:00:00.000Z', reason: 'QC failed' }];
    const decision = sut(anInput({ qcHolds, values: [aValue(), aValue({ index: 5, deviceId: 8 })] }), aRuleSet());
    expect(decision.reasons).toEqual(['qc_hold']);
    expect(decision.parameters.map((p) => p.status)).toEqual(['auto_verified', 'held']);
    expect(decision.parameters[1].fired).toEqual([{ rule: 'qc_hold', inputs: { deviceId: 8, since: '2026-05-25T06:00:00.000Z', reason: 'QC failed' } }]);
  });

  it('holds a parameter without a rule and a configured parameter without a result', () => {
    const rules = aRuleSet({ parameters: [aParameterRule(), aParameterRule({ index: 6 })] });
    const decision = sut(anInput(), rules);
    expect(decision.reasons).toEqual(['no_rule', 'missing_result']);
    expect(decision.parameters.map((p) => [p.index, p.status, p.fired.map((f) => f.rule)])).toEqual([
      [4, 'auto_verified', []], [5, 'held', ['no_rule']], [6, 'held', ['missing_result']],
    ]);
  });

  it('holds every report of a test without a rule set', () => {
    const decision = sut(anInput(), null);
    expect(decision).toMatchObject({ status: 'held', ruleSetVersion: null, reasons: ['no_rule_set'], report: [{ rule: 'no_rule_set', inputs: { testId: 10 } }] });
  });
});
