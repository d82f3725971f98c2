import { decide } from '../rules/decide';
import { DecisionInput, RULES } from '../rules/decision';
import { RuleSet } from '../rules/rule-set';

export interface DryRunSubject { labReportId: number; inputs: DecisionInput }
export interface DryRunCounts {
  reports: number;
  autoVerified: number;
  held: number;
  autoVerifiedPercent: number;
  heldPercent: number;
  heldByRule: Record<string, number>;
  heldPercentByRule: Record<string, number>;
  wouldReleaseChanged: { labReportId: number; why: ('rejected' | 'rerun')[] }[];
}

/**
 * AUTO10's validation step: decides each report's latest inputs again under `ruleSet` (pure; the
 * same engine the consumer applies) and counts the outcomes. `changed` names the reports a person
 * rejected or reran: those the rule set would release are the dangerous ones.
 */
export function dryRunCounts(subjects: DryRunSubject[], ruleSet: RuleSet, changed: Map<number, ('rejected' | 'rerun')[]>): DryRunCounts {
  const heldByRule: Record<string, number> = {};
  const wouldReleaseChanged: DryRunCounts['wouldReleaseChanged'] = [];
  let autoVerified = 0;
  for (const s of subjects) {
    const decision = decide(s.inputs, ruleSet);
    if (decision.status === 'auto_verified') {
      autoVerified++;
      const why = changed.get(s.labReportId);
      if (why && why.length > 0) wouldReleaseChanged.push({ labReportId: s.labReportId, why });
      continue;
    }
    for (const rule of decision.reasons) heldByRule[rule] = (heldByRule[rule] ?? 0) + 1;
  }
  const reports = subjects.length;
  const percent = (n: number) => (reports === 0 ? 0 : Math.round((n / reports) * 10_000) / 100);
  const ordered = RULES.filter((r) => heldByRule[r] !== undefined);
  return {
    reports, autoVerified, held: reports - autoVerified, autoVerifiedPercent: percent(autoVerified), heldPercent: percent(reports - autoVerified),
    heldByRule: Object.fromEntries(ordered.map((r) => [r, heldByRule[r]])),
    heldPercentByRule: Object.fromEntries(ordered.map((r) => [r, percent(heldByRule[r])])),
    wouldReleaseChanged: wouldReleaseChanged.sort((a, b) => a.labReportId - b.labReportId),
  };
}
