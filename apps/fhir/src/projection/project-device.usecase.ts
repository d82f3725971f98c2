import { Injectable } from '@nestjs/common';
import { DeviceRegistered, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { FhirUnitOfWork } from '../fhir-unit-of-work';

/** A registered analyzer (Device). Applied once per event (the seam's inbox claim). */
@Injectable()
@HandlesEvent(TOPICS.deviceRegistered, { consumer: 'fhir.device-registered', labIdOf: (e) => e.labId })
export class ProjectDeviceUseCase {
  async execute(command: Command<DeviceRegistered>, unit: FhirUnitOfWork): Promise<void> {
    const e = command.input;
    await unit.projection.saveDevice(e.labId, e.deviceId, e.name);
  }
}
