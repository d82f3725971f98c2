import type { Connection } from 'mongoose';
import { Queryable } from '@labflow/platform/kafka';
import { RepositoryOf, UnitOfWork } from '@labflow/platform/handling';
import { CriticalRecordsRepository } from './critical-records.repository';
import { CriticalStatusRepository } from './critical-status.repository';
import { DeviceRepository } from './device.repository';
import { DocumentValuesStore } from './document-values.store';
import { LabReportRepository } from './lab-report.repository';
import { LabUserDepartmentsRepository } from './lab-user-departments.repository';
import { RegistrationRepository } from './registration.repository';
import { ReportHistoryRepository } from './report-history.repository';
import { ReportWithTestRepository } from './report-with-test.repository';
import { RerunPositionRepository } from './rerun-position.repository';
import { SearchMarksRepository } from './search-marks.repository';
import { TestRepository } from './test.repository';
import { VerificationStatusRepository } from './verification-status.repository';

/**
 * Reporting's repositories, the only code that touches its stores: PostgreSQL (one session: a
 * transaction or none) and the document store (MongoDB through Mongoose: single-document writes with
 * deterministic ids, idempotent, so a rolled-back transaction's redelivery rewrites the same documents).
 * By their public members, so the in-memory fake stands in.
 */
export interface ReportingRepositories {
  labReports: RepositoryOf<LabReportRepository>;
  reportsWithTests: RepositoryOf<ReportWithTestRepository>;
  histories: RepositoryOf<ReportHistoryRepository>;
  tests: RepositoryOf<TestRepository>;
  documents: Omit<RepositoryOf<DocumentValuesStore>, 'onApplicationBootstrap'>;
  searchMarks: RepositoryOf<SearchMarksRepository>;
  registrations: RepositoryOf<RegistrationRepository>;
  rerunPositions: RepositoryOf<RerunPositionRepository>;
  devices: RepositoryOf<DeviceRepository>;
  criticalRecords: RepositoryOf<CriticalRecordsRepository>;
  criticalStatus: RepositoryOf<CriticalStatusRepository>;
  labUserDepartments: RepositoryOf<LabUserDepartmentsRepository>;
  verifications: RepositoryOf<VerificationStatusRepository>;
}

export type ReportingUnitOfWork = UnitOfWork<ReportingRepositories>;

export function reportingRepositories(session: Queryable, mongo: Connection): ReportingRepositories {
  const labReports = new LabReportRepository(session);
  const searchMarks = new SearchMarksRepository(session);
  return {
    labReports, searchMarks,
    reportsWithTests: new ReportWithTestRepository(session),
    histories: new ReportHistoryRepository(session),
    tests: new TestRepository(session),
    documents: new DocumentValuesStore(mongo),
    registrations: new RegistrationRepository(session),
    rerunPositions: new RerunPositionRepository(session),
    devices: new DeviceRepository(session),
    criticalRecords: new CriticalRecordsRepository(session, labReports),
    criticalStatus: new CriticalStatusRepository(session, searchMarks),
    labUserDepartments: new LabUserDepartmentsRepository(session),
    verifications: new VerificationStatusRepository(session),
  };
}
