import { featureModule } from '../lab-reports/feature-module';
import { ApplyReportAutoverifiedUseCase, ApplyReportHeldUseCase, ApplyVerificationReviewedUseCase } from './apply-verification-events.usecase';

/** The autoverification slice of reporting (issue 21): its status, read from verification's events, in the seed 002 reads. */
export const VerificationModule = featureModule('VerificationModule', {
  useCases: [ApplyReportAutoverifiedUseCase, ApplyReportHeldUseCase, ApplyVerificationReviewedUseCase],
});
