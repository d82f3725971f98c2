import { Injectable } from '@nestjs/common';
import { CommandRequest, LabReportIdParam, LabReportIdsParam, LabReportRerunContext, LabReportRerunContexts } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { ReportWithTest, ReportWithTestQuery } from '../reads/report-with-test.query';
import { valueAsText } from '../report-values/lab-report.repository';

const num = (v: number | undefined): number | null => (v === undefined ? null : v);

/**
 * `reporting.lab-report.rerun-context`: what the rerun app needs of a lab report (seed 000 §3/§4/§6):
 * the report in the caller's lab (else 404), its test's parameters with auto-rerun rules and ranges,
 * the patient's gender and birth date, and the current values (originals of a confirm).
 * `reporting.lab-report.rerun-contexts`: the same for the lab reports of a batch of uploads, in one
 * statement; a report not in the caller's lab is left out.
 */
@Injectable()
export class RerunContextQuery {
  constructor(private readonly reports: ReportWithTestQuery) {}

  async execute(request: CommandRequest): Promise<LabReportRerunContext> {
    const { principal, input } = authenticatedInput(LabReportIdParam, request);
    // the report, its test and its values in one statement
    const found = await this.reports.findOne(principal.labId, input.labReportId, { values: true });
    if (!found) throw new DomainException(404, 'LAB_REPORT_NOT_FOUND', 'Lab report not found');
    return contextOf(found);
  }

  async executeMany(request: CommandRequest): Promise<LabReportRerunContexts> {
    const { principal, input } = authenticatedInput(LabReportIdsParam, request);
    const found = await this.reports.find(principal.labId, input.labReportIds, { values: true });
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
