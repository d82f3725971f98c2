import {
  AgeRangeDto, CalculationDto, ReportFormatBody, ReportFormatParameter, ReportParameterDto, ReportFormatAgeRange,
} from '@labflow/contracts';
import { DomainError } from '@labflow/platform/handling';
import { ExpressionError, parseExpression, referencedIndexes } from '../lab-reports/calculation-expression';
import { reportingError } from '../lab-reports/reporting.errors';

const invalid = (message: string): DomainError => reportingError('INVALID_REPORT_FORMAT', message);

function checkBand(where: string, lowName: string, low: number | undefined, highName: string, high: number | undefined): void {
  if (low !== undefined && high !== undefined && low > high) throw invalid(`${where}: ${lowName} must not be greater than ${highName}`);
}

/** Checks what field validation cannot: unique indexes, ordered bands, resolvable calculations. */
export function checkReportFormat(body: ReportFormatBody): void {
  const indexes = new Set<number>();
  for (const p of body.reportData) {
    const where = `reportData index ${p.index}`;
    if (indexes.has(p.index)) throw invalid(`${where} is repeated`);
    indexes.add(p.index);
    checkBand(where, 'lower', p.lower, 'upper', p.upper);
    checkBand(where, 'critical_lower', p.critical_lower, 'critical_upper', p.critical_upper);
    checkBand(where, 'linearity_lower', p.linearity_lower, 'linearity_upper', p.linearity_upper);
    checkBand(where, 'auto_rerun_lower', p.auto_rerun_lower, 'auto_rerun_upper', p.auto_rerun_upper);
    if (p.auto_rerun_allowed && !p.auto_rerun_condition) throw invalid(`${where}: auto_rerun_allowed needs an auto_rerun_condition`);
    if (p.auto_rerun_condition === 'custom' && p.auto_rerun_lower === undefined && p.auto_rerun_upper === undefined) {
      throw invalid(`${where}: auto_rerun_condition custom needs auto_rerun_lower or auto_rerun_upper`);
    }
  }
  for (const a of body.ageRangeData ?? []) {
    const where = `ageRangeData index ${a.index}`;
    if (!indexes.has(a.index)) throw invalid(`${where} is not a reportData index`);
    if (a.age_from >= a.age_to) throw invalid(`${where}: age_from must be less than age_to`);
    checkBand(where, 'lower', a.lower, 'upper', a.upper);
    checkBand(where, 'critical_lower', a.critical_lower, 'critical_upper', a.critical_upper);
  }
  const calculated = new Set<number>();
  for (const c of body.calculations ?? []) {
    const where = `calculations index ${c.index}`;
    if (!indexes.has(c.index)) throw invalid(`${where} is not a reportData index`);
    if (calculated.has(c.index)) throw invalid(`${where} is repeated`);
    calculated.add(c.index);
    let refs: number[];
    try {
      refs = referencedIndexes(parseExpression(c.expression));
    } catch (error) {
      if (error instanceof ExpressionError) throw invalid(`${where}: ${error.message}`);
      throw error;
    }
    const unknown = refs.find((r) => !indexes.has(r));
    if (unknown !== undefined) throw invalid(`${where}: {${unknown}} is not a reportData index`);
    if (refs.includes(c.index)) throw invalid(`${where}: an expression cannot reference its own index`);
  }
}

/** seed 002 §1: `document_report = int(bool(enable_device_flags))` for Normal tests; never stored itself. */
export function documentReportOf(body: ReportFormatBody, previous: number | null): number {
  const test = body.testData.test;
  if (test.test_type === 'Normal') return test.enable_device_flags ? 1 : 0;
  if (test.test_type === 'Document') return 1;
  return previous ?? 0;
}

export function toEventParameters(reportData: ReportParameterDto[], calculations: CalculationDto[]): ReportFormatParameter[] {
  const calculated = new Set(calculations.map((c) => c.index));
  return reportData.map((p) => ({
    index: p.index, name: p.name, unit: p.unit, lower: p.lower, upper: p.upper,
    criticalLower: p.critical_lower, criticalUpper: p.critical_upper,
    linearityLower: p.linearity_lower, linearityUpper: p.linearity_upper,
    autoRerunAllowed: p.auto_rerun_allowed ?? false, autoRerunCondition: p.auto_rerun_condition,
    autoRerunLower: p.auto_rerun_lower, autoRerunUpper: p.auto_rerun_upper, calculated: calculated.has(p.index),
  }));
}

export function toEventAgeRanges(ageRanges: AgeRangeDto[]): ReportFormatAgeRange[] {
  return ageRanges.map((a) => ({
    index: a.index, gender: a.gender, ageFrom: a.age_from, ageTo: a.age_to, ageUnit: a.age_unit,
    lower: a.lower, upper: a.upper, criticalLower: a.critical_lower, criticalUpper: a.critical_upper,
  }));
}
