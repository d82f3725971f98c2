import { ReportFormatBody, ReportFormatSaved, TOPICS } from '@labflow/contracts';
import { StoredTest, TestWrite } from '../lab-reports/test.repository';
import { toEventAgeRanges, toEventParameters } from './report-format.rules';

/** The stored shape of a request body (enable_device_flags is consumed, never stored: seed 002 §1). */
export function testWriteOf(labId: number, body: ReportFormatBody, documentReport: number): TestWrite {
  const test = body.testData.test;
  return {
    labId, testName: test.testName, testType: test.test_type, documentReport,
    showDeviceExtraDataInPdf: test.show_device_extra_data_in_pdf ?? false, departmentId: test.department ?? null,
    reportData: body.reportData.map((p) => ({ ...p })), ageRangeData: (body.ageRangeData ?? []).map((a) => ({ ...a })),
    calculations: (body.calculations ?? []).map((c) => ({ ...c })), childLabIds: body.addTestToChildLabsData?.childLabIds ?? [],
  };
}

/** report_format.saved of a stored test: what rerun and critical-callout keep their own copy of. */
export function formatSaved(test: StoredTest): [typeof TOPICS.reportFormatSaved, ReportFormatSaved] {
  return [TOPICS.reportFormatSaved, {
    labId: test.labId, testId: test.id, testName: test.testName, testType: test.testType, documentReport: test.documentReport,
    departmentId: test.departmentId ?? undefined, parameters: toEventParameters(test.reportData, test.calculations),
    ageRanges: toEventAgeRanges(test.ageRangeData), revision: test.revision, savedAt: test.updatedAt.toISOString(),
  }];
}
