import { featureModule } from '../lab-reports/feature-module';
import { GetDeviceResultsValidationUseCase } from './get-device-results-validation.usecase';
import { GetPatientReportsUseCase } from './get-patient-reports.usecase';
import { GetReportEntryUseCase } from './get-report-entry.usecase';

/** seed 002's reads: report entry, patient overview, device results validation. */
export const ReadsModule = featureModule('ReadsModule', {
  useCases: [GetReportEntryUseCase, GetPatientReportsUseCase, GetDeviceResultsValidationUseCase],
});
