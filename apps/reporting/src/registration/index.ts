import { featureModule } from '../lab-reports/feature-module';
import { GetSampleLabReportsUseCase } from './get-sample-lab-reports.usecase';
import { RegisterPatientUseCase } from './register-patient.usecase';

/** Registration: patient, bill, samples and lab reports; the lab reports of a sample. */
export const RegistrationModule = featureModule('RegistrationModule', { useCases: [RegisterPatientUseCase, GetSampleLabReportsUseCase] });
