import { Injectable } from '@nestjs/common';
import { DEVICE_CONNECTION_COMMANDS, DeviceConnectionView, RegisteredConnectionInput } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { DeviceIngestionUnitOfWork } from '../device-ingestion-unit-of-work';
import { deviceError } from '../device-ingestion.errors';
import { hashDeviceAuth } from '../devices/device-auth';
import { connectionView } from './connection-view';

/**
 * `POST /api-v3/devices/connection`: what the analyzer bridge reads at start and at every refresh.
 * The token is stored only as a hash, so the bridge keeps the device's credentials and asks with
 * them, as it does for uploads and work orders: a token answers only its own device's connection.
 */
@Injectable()
@HandlesQuery(DEVICE_CONNECTION_COMMANDS.registered, RegisteredConnectionInput, { labIdOf: (input) => input.labId })
export class GetRegisteredConnectionUseCase {
  async execute(command: Command<RegisteredConnectionInput>, unit: DeviceIngestionUnitOfWork): Promise<DeviceConnectionView> {
    const found = await unit.connections.forDeviceAuth(hashDeviceAuth(command.input.deviceAuth), command.labId);
    if (found.deviceId === null) throw deviceError('INVALID_DEVICE_AUTH');
    if (!found.connection) throw deviceError('CONNECTION_NOT_FOUND');
    return connectionView(found.connection);
  }
}
