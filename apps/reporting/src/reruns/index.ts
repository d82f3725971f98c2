import { featureModule } from '../lab-reports/feature-module';
import { ApplyRerunConfirmedUseCase } from './apply-rerun-confirmed.usecase';
import { ApplyRerunCancelledUseCase, ApplyRerunRequestedUseCase, ApplyRerunValuesUseCase } from './apply-rerun-flag.usecase';
import { GetRerunContextsUseCase, GetRerunContextUseCase } from './get-rerun-context.usecase';

/** reporting's side of the rerun lifecycle (seed 000): the context queries and the reactions. */
export const RerunsModule = featureModule('RerunsModule', {
  useCases: [
    GetRerunContextUseCase, GetRerunContextsUseCase, ApplyRerunRequestedUseCase, ApplyRerunValuesUseCase, ApplyRerunCancelledUseCase,
    ApplyRerunConfirmedUseCase,
  ],
});
