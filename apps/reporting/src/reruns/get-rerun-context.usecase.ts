import { Injectable } from '@nestjs/common';
import { LabReportIdParam, LabReportIdsParam, LabReportRerunContext, LabReportRerunContexts, REPORTING_RERUN_QUERIES } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { valueAsText } from '../lab-reports/lab-report.repository';
import { reportingError } from '../lab-reports/reporting.errors';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';
import { ReportWithTest } from '../lab-reports/report-with-test.repository';

const num = (v: number | undefined): number | null => (v === undefined ? null : v);

/**
 * `reporting.lab-report.rerun-context`: what the rerun app needs of a lab report (seed 000 §3/§4/§6):
 * the report in the caller's lab (else 404), its test's parameters with auto-rerun rules and ranges,
 * the patient's gender and birth date, and the current values (originals of a confirm).
 */
@Injectable()
@HandlesQuery(REPORTING_RERUN_QUERIES.context, LabReportIdParam)
export class GetRerunContextUseCase {
  async execute(command: Command<LabReportIdParam>, unit: ReportingUnitOfWork): Promise<LabReportRerunContext> {
    // the report, its test and its values in one statement
    const found = await unit.reportsWithTests.findOne(command.labId, command.input.labReportId, { values: true });
    if (!found) throw reportingError('LAB_REPORT_NOT_FOUND');
    return contextOf(found);
  }
}

/** `reporting.lab-report.rerun-contexts`: the same for the lab reports of a batch of uploads, in one statement; a report not in the caller's lab is left out. */
@Injectable()
@HandlesQuery(REPORTING_RERUN_QUERIES.contexts, LabReportIdsParam)
export class GetRerunContextsUseCase {
  async execute(command: Command<LabReportIdsParam>, unit: ReportingUnitOfWork): Promise<LabReportRerunContexts> {
    const found = await unit.reportsWithTests.find(command.labId, command.input.labReportIds, { values: true });
    return { contexts: found.map(contextOf) };
  }
}

function contextOf({ report, test, values }: ReportWithTest): LabReportRerunContext {
  return {
    labReportId: report.id, labId: report.labId, sampleId: report.sampleId, testId: report.testId, sampleRedrawFlag: report.sampleRedrawFlag,
    patient: { gender: report.gender, dateOfBirth: report.dateOfBirth },
    parameters: test.reportData.map((p) => ({
      index: p.index, name: p.name, lower: num(p.lower), upper: num(p.upper), criticalLower: num(p.critical_lower), criticalUpper: num(p.critical_upper),
      autoRerunAllowed: p.auto_rerun_allowed ?? false, autoRerunCondition: p.auto_rerun_condition ?? null,
      autoRerunLower: num(p.auto_rerun_lower), autoRerunUpper: num(p.auto_rerun_upper),
    })),
    ageRanges: test.ageRangeData.map((a) => ({
      index: a.index, gender: a.gender, ageFrom: a.age_from, ageTo: a.age_to, ageUnit: a.age_unit,
      lower: num(a.lower), upper: num(a.upper), criticalLower: num(a.critical_lower), criticalUpper: num(a.critical_upper),
    })),
    values: values.map((v) => ({ index: v.index, value: valueAsText(report.documentReport, v) })),
  };
}
