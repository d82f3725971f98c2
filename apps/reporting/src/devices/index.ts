import { featureModule } from '../lab-reports/feature-module';
import { ApplyDeviceRegisteredUseCase } from './apply-device-registered.usecase';

/** Reporting's copy of the lab's analyzers. */
export const DevicesModule = featureModule('DevicesModule', { useCases: [ApplyDeviceRegisteredUseCase] });
