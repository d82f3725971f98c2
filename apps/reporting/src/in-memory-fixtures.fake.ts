import { randomUUID } from 'node:crypto';
import { CreateReportFormatInput, Envelope, newEnvelope } from '@labflow/contracts';
import { declarationOf, Handling, InMemoryUnitsOfWork } from '@labflow/platform/handling';
import { REPORTING_ERRORS } from './lab-reports/reporting.errors';
import { StoredTest } from './lab-reports/test.repository';
import { InMemoryTables, ReportRecord } from './in-memory-lab-reports.fake';
import { inMemoryReporting, InMemoryReporting, LAB } from './in-memory-reporting.fake';

/** A CBC-like test: Haemoglobin (index 4, critical 7-20) and RBC (index 5). */
export function addTest(tables: InMemoryTables, test: Partial<StoredTest> = {}): StoredTest {
  const stored: StoredTest = {
    id: tables.id(), labId: LAB, testName: 'CBC', testType: 'Normal', documentReport: 0, showDeviceExtraDataInPdf: false, departmentId: 3,
    reportData: [
      { index: 4, name: 'Haemoglobin', unit: 'g/dL', lower: 12, upper: 16, reference_text: '12 - 16', critical_lower: 7, critical_upper: 20, linearity_lower: 0, linearity_upper: 25 },
      { index: 5, name: 'RBC', lower: 4.5, upper: 5.5 },
    ],
    ageRangeData: [], calculations: [], childLabIds: [], revision: 1, updatedAt: new Date('2026-05-20T08:00:00Z'), ...test,
  };
  tables.tests.push(stored);
  return stored;
}

/** A registered lab report of `test` (a patient and bill of its own unless given), collected, unsigned. */
export function addReport(tables: InMemoryTables, test: StoredTest, report: Partial<ReportRecord> = {}): ReportRecord {
  const labId = report.labId ?? test.labId;
  const patientId = report.patientId ?? randomUUID();
  if (!tables.patients.some((p) => p.id === patientId)) tables.patients.push({ id: patientId, labId, name: 'Jane Roe', dateOfBirth: '1980-01-01', gender: 'female' });
  const billId = report.billId ?? tables.id();
  if (!tables.bills.some((b) => b.id === billId)) {
    tables.bills.push({ id: billId, labId, patientId, doctorId: 21, organizationId: null, registeredBy: '7', createdAt: new Date('2026-05-25T07:00:00Z') });
  }
  const stored: ReportRecord = {
    id: tables.id(), labId, billId, patientId, testId: test.id, sampleId: `S-${billId}`, departmentId: test.departmentId, sampleCollected: 1,
    dismissed: 0, sampleRedrawFlag: 0, criticalValues: 'none', isSigned: 0, signedAt: null, signedBy: null,
    createdAt: new Date('2026-05-25T08:00:00Z'), ...report,
  };
  tables.reports.push(stored);
  return stored;
}

/** A report format body: Haemoglobin, RBC and a calculated ratio. */
export const formatBody = (overrides: Partial<CreateReportFormatInput> = {}): CreateReportFormatInput => ({
  testData: { test: { testName: 'CBC', test_type: 'Normal', enable_device_flags: true, department: 3 } },
  reportData: [
    { index: 4, name: 'Haemoglobin', lower: 12, upper: 16, critical_lower: 7, critical_upper: 20 },
    { index: 5, name: 'RBC', lower: 4.5, upper: 5.5 },
    { index: 6, name: 'Ratio' },
  ],
  calculations: [{ index: 6, expression: '{4} / {5}', decimals: 2 }],
  ...overrides,
});

/**
 * `payload` answered by the seam for `useCase` over reporting in memory: the use case's declaration
 * (pattern, input class, status, inbox consumer) as the app runs it, without Kafka or a database.
 * Pass the `units` of an earlier call to repeat a message.
 */
export async function throughSeam(
  useCase: object, payload: unknown, repositories: InMemoryReporting = inMemoryReporting(), messageId = randomId(),
  units = new InMemoryUnitsOfWork(repositories),
) {
  const envelope: Envelope = { ...newEnvelope('spec', 1, {}, { labId: LAB, correlationId: 'spec-correlation', causationId: null }), id: messageId };
  const reply = await new Handling(units, REPORTING_ERRORS)
    .handle(declarationOf(useCase.constructor), useCase as Parameters<Handling<object>['handle']>[1], payload, { envelope, causedContext: { labId: LAB, correlationId: 'spec-correlation', causationId: messageId } });
  return { reply, units };
}

let sequence = 0;
function randomId(): string {
  sequence += 1;
  return `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
}
