import { ReportValueView } from '@labflow/contracts';
import { DocumentValue } from '../lab-reports/document-values.store';
import { LabReportView, StoredRelationalValue } from '../lab-reports/lab-report.repository';
import { ReportingRepositories } from '../lab-reports/reporting-unit-of-work';
import { ReportWithTest } from '../lab-reports/report-with-test.repository';

type Stores = Pick<ReportingRepositories, 'labReports' | 'documents'>;

/** One report read with its relational values (ReportWithTestRepository): only a document report needs another read. */
export async function valuesOfReport(stores: Stores, found: ReportWithTest): Promise<ReportValueView[]> {
  if (!found.report.documentReport) return found.values.map(relationalValueView);
  return (await stores.documents.valuesOf(found.report.labId, [found.report.id])).map(documentValueView);
}

/** Values of lab reports as the reads show them: document reports with machine flags, others without. */
export async function valuesByReport(stores: Stores, labId: number, reports: LabReportView[]): Promise<Map<number, ReportValueView[]>> {
  const byReport = new Map<number, ReportValueView[]>(reports.map((r) => [r.id, []]));
  const documentIds = reports.filter((r) => r.documentReport).map((r) => r.id);
  for (const d of await stores.documents.valuesOf(labId, documentIds)) byReport.get(d.labReportId)?.push(documentValueView(d));
  const relationalIds = reports.filter((r) => !r.documentReport).map((r) => r.id);
  for (const v of await stores.labReports.values(labId, relationalIds)) byReport.get(v.labReportId)?.push(relationalValueView(v));
  return byReport;
}

/** A relational value as the reads show it: the number when it is one, else the text entered. */
function relationalValueView(v: Pick<StoredRelationalValue, 'index' | 'value' | 'numericValue'>): ReportValueView {
  return { index: v.index, value: v.numericValue ?? v.value };
}

function documentValueView(d: DocumentValue): ReportValueView {
  return {
    index: d.index, value: d.value, device_name: d.device_name, test_flags: d.test_flags, param_flags: d.param_flags,
    param_flag_interpretations: d.param_flag_interpretations,
  };
}
