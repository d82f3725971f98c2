import { featureModule } from '../lab-reports/feature-module';
import { CreateReportFormatUseCase } from './create-report-format.usecase';
import { GetTestParameterIndexesUseCase } from './get-test-parameter-indexes.usecase';
import { UpdateReportFormatUseCase } from './update-report-format.usecase';

/** Tests and their report formats (seed 002 §1). */
export const ReportFormatsModule = featureModule('ReportFormatsModule', {
  useCases: [CreateReportFormatUseCase, UpdateReportFormatUseCase, GetTestParameterIndexesUseCase],
});
