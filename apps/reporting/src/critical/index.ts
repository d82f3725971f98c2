import { featureModule } from '../lab-reports/feature-module';
import { ApplyCalloutRecordedUseCase } from './apply-callout-recorded.usecase';
import { CriticalRecordsUseCase } from './critical-records.usecase';
import { SetLabUserDepartmentsUseCase } from './lab-user-departments.usecase';

/** The critical-callout slice of reporting (seed 001). */
export const CriticalModule = featureModule('CriticalModule', {
  useCases: [CriticalRecordsUseCase, SetLabUserDepartmentsUseCase, ApplyCalloutRecordedUseCase],
});
