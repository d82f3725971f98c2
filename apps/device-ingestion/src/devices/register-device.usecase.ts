import { Injectable } from '@nestjs/common';
import { DEVICE_COMMANDS, RegisterDeviceInput, RegisterDeviceResult, TOPICS } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { DeviceIngestionUnitOfWork } from '../device-ingestion-unit-of-work';
import { deviceError } from '../device-ingestion.errors';
import { hashDeviceAuth, newDeviceAuth } from './device-auth';

/**
 * seed 002 §2: registers an analyzer in the caller's lab. Only the token's hash is stored; the token
 * is shown once: a repeat answers the kept reply, which names it "(shown once)" (`kept`).
 */
@Injectable()
@HandlesCommand(DEVICE_COMMANDS.register, RegisterDeviceInput, { status: 201 })
export class RegisterDeviceUseCase {
  async execute(command: Command<RegisterDeviceInput>, unit: DeviceIngestionUnitOfWork): Promise<RegisterDeviceResult> {
    const { labId, input } = command;
    if (input.lab !== undefined && input.lab !== labId) throw deviceError('LAB_MISMATCH');
    const deviceAuth = newDeviceAuth();
    const device = await unit.devices.insert({ labId, name: input.name, authHash: hashDeviceAuth(deviceAuth) });
    await unit.publish(TOPICS.deviceRegistered, {
      deviceId: device.id, labId: device.labId, name: device.name, registeredAt: device.createdAt.toISOString(),
    });
    return { id: device.id, name: device.name, lab: device.labId, deviceAuth };
  }

  /** The token is never stored in clear: a repeated request cannot show it again. */
  kept(reply: RegisterDeviceResult): RegisterDeviceResult {
    return { ...reply, deviceAuth: '(shown once)' };
  }
}
