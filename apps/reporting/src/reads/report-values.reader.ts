import { Injectable } from '@nestjs/common';
import { ReportValueView } from '@labflow/contracts';
import { DocumentValuesStore } from '../report-values/document-values.store';
import { LabReportRepository, LabReportView } from '../report-values/lab-report.repository';
import { ReportWithTest } from './report-with-test.query';

/** Values of lab reports as the reads show them: document reports with machine flags, others without. */
@Injectable()
export class ReportValuesReader {
  constructor(private readonly reports: LabReportRepository, private readonly documents: DocumentValuesStore) {}

  /** One report read with its relational values (ReportWithTestQuery): only a document report needs another read. */
  async valuesOf(found: ReportWithTest): Promise<ReportValueView[]> {
    if (!found.report.documentReport) return found.values.map(relationalValueView);
    return (await this.documents.valuesOf(found.report.labId, [found.report.id])).map(documentValueView);
  }

  async valuesByReport(labId: number, reports: LabReportView[]): Promise<Map<number, ReportValueView[]>> {
    const byReport = new Map<number, ReportValueView[]>(reports.map((r) => [r.id, []]));
    const documentIds = reports.filter((r) => r.documentReport).map((r) => r.id);
    for (const d of await this.documents.valuesOf(labId, documentIds)) byReport.get(d.labReportId)?.push(documentValueView(d));
    const relationalIds = reports.filter((r) => !r.documentReport).map((r) => r.id);
    for (const v of await this.reports.values(labId, relationalIds)) byReport.get(v.labReportId)?.push(relationalValueView(v));
    return byReport;
  }
}

/** A relational value as the reads show it: the number when it is one, else the text entered. */
function relationalValueView(v: { index: number; value: string; numericValue: number | null }): ReportValueView {
  return { index: v.index, value: v.numericValue ?? v.value };
}

type DocumentValue = Awaited<ReturnType<DocumentValuesStore['valuesOf']>>[number];

function documentValueView(d: DocumentValue): ReportValueView {
  return {
    index: d.index, value: d.value, device_name: d.device_name, test_flags: d.test_flags, param_flags: d.param_flags,
    param_flag_interpretations: d.param_flag_interpretations,
  };
}
