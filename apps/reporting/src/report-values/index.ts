import { featureModule } from '../lab-reports/feature-module';
import { ApplyDeviceDataUseCase } from './apply-device-data.usecase';
import { DeviceDataReceivedHandler } from './device-data-received.handler';

/** Analyzer values applied to lab reports (seed 002 §2): batches of device.data.received. */
export const ReportValuesModule = featureModule('ReportValuesModule', {
  controllers: [DeviceDataReceivedHandler], providers: [ApplyDeviceDataUseCase],
});
