import { decide } from '../rules/decide';
import { aParameterRule, aRuleSet, aValue, anInput } from '../rules/rule-fixtures';
import { dryRunCounts, DryRunSubject } from './dry-run-counts';

const subjects: DryRunSubject[] = [
  { labReportId: 1, inputs: anInput({ labReportId: 1 }) },
  { labReportId: 2, inputs: anInput({ labReportId: 2, values: [aValue({ value: '17', numericValue: 17, abnormal: true }), aValue({ index: 5, value: '5', numericValue: 5 })] }) },
  { labReportId: 3, inputs: anInput({ labReportId: 3, testFlags: ['PLT_Clumps?'], values: [aValue({ value: '6', numericValue: 6, abnormal: true, critical: true }), aValue({ index: 5, value: '5', numericValue: 5 })] }) },
  { labReportId: 4, inputs: anInput({ labReportId: 4, previous: [{ index: 4, numericValue: 10, observedAt: '2026-05-01T00:00:00.000Z', labReportId: 9 }] }) },
];

describe('dryRunCounts', () => {
  it('counts what applying the same rule set decides, report by report', () => {
    const ruleSet = aRuleSet();
    const counts = dryRunCounts(subjects, ruleSet, new Map());
    const applied = subjects.map((s) => decide(s.inputs, ruleSet));
    expect(counts.autoVerified).toBe(applied.filter((d) => d.status === 'auto_verified').length);
    expect(counts).toMatchObject({
      reports: 4, autoVerified: 2, held: 2, autoVerifiedPercent: 50, heldPercent: 50,
      heldByRule: { reference_range: 2, critical: 1, test_flag: 1 }, heldPercentByRule: { reference_range: 50, critical: 25, test_flag: 25 },
    });
  });

  it('counts a stricter rule set differently over the same inputs', () => {
    const strict = aRuleSet({ parameters: [aParameterRule({ delta: { mode: 'absolute', limit: 1, lookBackDays: 60 } }), aParameterRule({ index: 5 })] });
    expect(dryRunCounts(subjects, strict, new Map())).toMatchObject({ autoVerified: 1, heldByRule: { reference_range: 2, critical: 1, test_flag: 1, delta_check: 1 } });
  });

  it('lists the reports it would release that a person rejected or reran', () => {
    const changed = new Map<number, ('rejected' | 'rerun')[]>([[1, ['rerun']], [2, ['rejected']], [4, ['rejected', 'rerun']]]);
    expect(dryRunCounts(subjects, aRuleSet(), changed).wouldReleaseChanged).toEqual([{ labReportId: 1, why: ['rerun'] }, { labReportId: 4, why: ['rejected', 'rerun'] }]);
  });

  it('answers zeros for no reports', () => {
    expect(dryRunCounts([], aRuleSet(), new Map())).toMatchObject({ reports: 0, autoVerifiedPercent: 0, heldPercent: 0, heldByRule: {} });
  });
});
