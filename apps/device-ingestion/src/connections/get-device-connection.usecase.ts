import { Injectable } from '@nestjs/common';
import { DEVICE_CONNECTION_COMMANDS, DeviceConnectionView, DeviceIdParam } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { DeviceIngestionUnitOfWork } from '../device-ingestion-unit-of-work';
import { deviceError } from '../device-ingestion.errors';
import { connectionView } from './connection-view';

/** `GET /api-v3/devices/:id/connection`: the device's registered connection (404 for another lab's device, as for an unknown one). */
@Injectable()
@HandlesQuery(DEVICE_CONNECTION_COMMANDS.get, DeviceIdParam)
export class GetDeviceConnectionUseCase {
  async execute(command: Command<DeviceIdParam>, unit: DeviceIngestionUnitOfWork): Promise<DeviceConnectionView> {
    const { labId, input } = command;
    if (!(await unit.devices.findById(labId, input.deviceId))) throw deviceError('DEVICE_NOT_FOUND');
    const connection = await unit.connections.find(labId, input.deviceId);
    if (!connection) throw deviceError('CONNECTION_NOT_FOUND');
    return connectionView(connection);
  }
}
