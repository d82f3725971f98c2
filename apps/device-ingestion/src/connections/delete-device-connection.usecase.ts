import { Injectable } from '@nestjs/common';
import { DEVICE_CONNECTION_COMMANDS, DeviceConnectionView, DeviceIdParam } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { DeviceIngestionUnitOfWork } from '../device-ingestion-unit-of-work';
import { deviceError } from '../device-ingestion.errors';
import { connectionView } from './connection-view';

/**
 * `DELETE /api-v3/devices/:id/connection`: the bridge closes the device's connection at its next
 * refresh (its uploads already stored are still delivered). Answers the connection removed.
 */
@Injectable()
@HandlesCommand(DEVICE_CONNECTION_COMMANDS.delete, DeviceIdParam)
export class DeleteDeviceConnectionUseCase {
  async execute(command: Command<DeviceIdParam>, unit: DeviceIngestionUnitOfWork): Promise<DeviceConnectionView> {
    const { labId, input } = command;
    if (!(await unit.devices.findById(labId, input.deviceId))) throw deviceError('DEVICE_NOT_FOUND');
    const removed = await unit.connections.remove(labId, input.deviceId);
    if (!removed) throw deviceError('CONNECTION_NOT_FOUND');
    return connectionView(removed);
  }
}
