import { ReportFlagRule } from '../profiles/vendor-profile';
import { InstrumentResult } from './instrument-message';

/** A result that is a report-level message: a code the profile lists or matches. */
export function isReportFlag(rule: ReportFlagRule, code: string): boolean {
  return rule.codes.includes(code) || (rule.codePattern !== undefined && new RegExp(rule.codePattern).test(code));
}

export function reportFlagText(rule: ReportFlagRule, result: Pick<InstrumentResult, 'code' | 'value'>): string {
  return rule.text === 'value' && result.value !== '' ? result.value : result.code;
}
