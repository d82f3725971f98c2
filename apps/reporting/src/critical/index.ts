import { CalloutRecordedHandler } from './callout-recorded.handler';
import { CriticalHandler } from './critical.handler';
import { CriticalRecordsRepository } from './critical-records.repository';
import { CriticalRecordsUseCase } from './critical-records.usecase';
import { CriticalStatusRepository } from './critical-status.repository';
import { SetLabUserDepartmentsUseCase } from './lab-user-departments.usecase';

/** The critical-callout slice of reporting (seed 001), registered by the reporting module. */
export const CRITICAL_HANDLERS = [CriticalHandler, CalloutRecordedHandler];
export const CRITICAL_PROVIDERS = [CriticalRecordsRepository, CriticalRecordsUseCase, CriticalStatusRepository, SetLabUserDepartmentsUseCase];
