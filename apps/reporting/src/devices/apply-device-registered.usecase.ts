import { Injectable } from '@nestjs/common';
import { DeviceRegistered, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';

/** Reporting's copy of the lab's analyzers (device.registered): names for the validation screen. */
@Injectable()
@HandlesEvent(TOPICS.deviceRegistered, { consumer: 'reporting.device-registered', labIdOf: (e) => e.labId })
export class ApplyDeviceRegisteredUseCase {
  async execute(command: Command<DeviceRegistered>, unit: ReportingUnitOfWork): Promise<void> {
    const { deviceId, labId, name } = command.input;
    await unit.devices.save({ deviceId, labId, name });
  }
}
