import { Injectable } from '@nestjs/common';
import { DeviceRegistered, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { VerificationUnitOfWork } from '../verification-unit-of-work';

/** Learns each lab's devices, so a QC hold names a device of the caller's lab (another lab's is a 404). */
@Injectable()
@HandlesEvent(TOPICS.deviceRegistered, { consumer: 'verification.device-registered', labIdOf: (e) => e.labId })
export class LearnDeviceUseCase {
  async execute(command: Command<DeviceRegistered>, unit: VerificationUnitOfWork): Promise<void> {
    await unit.devices.save(command.input.labId, command.input.deviceId, command.input.name);
  }
}
