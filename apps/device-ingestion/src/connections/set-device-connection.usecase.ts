import { Injectable } from '@nestjs/common';
import { DEVICE_CONNECTION_COMMANDS, DEVICE_CONNECTION_DEFAULTS, DeviceConnectionView, SetDeviceConnectionInput } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { DeviceIngestionUnitOfWork } from '../device-ingestion-unit-of-work';
import { deviceError } from '../device-ingestion.errors';
import { connectionView } from './connection-view';
import { StoredConnection } from './device-connection.repository';

/**
 * `PUT /api-v3/devices/:id/connection`: registers (or replaces) how the device's analyzer bridge
 * reaches the instrument. A PUT states the whole connection: a field left out takes its default, not
 * its earlier value, so the same body always stores the same connection. One device per address of
 * a bridge (409); the bridge picks the change up at its next refresh.
 */
@Injectable()
@HandlesCommand(DEVICE_CONNECTION_COMMANDS.set, SetDeviceConnectionInput)
export class SetDeviceConnectionUseCase {
  async execute(command: Command<SetDeviceConnectionInput>, unit: DeviceIngestionUnitOfWork): Promise<DeviceConnectionView> {
    const { labId, input } = command;
    if (!(await unit.devices.findById(labId, input.deviceId))) throw deviceError('DEVICE_NOT_FOUND');
    const connection: StoredConnection = {
      deviceId: input.deviceId, labId, protocol: input.protocol, mode: input.mode ?? DEVICE_CONNECTION_DEFAULTS.mode,
      host: input.host ?? DEVICE_CONNECTION_DEFAULTS.host, port: input.port, profile: input.profile,
      reconnectMs: input.reconnectMs ?? DEVICE_CONNECTION_DEFAULTS.reconnectMs, bridge: input.bridge ?? DEVICE_CONNECTION_DEFAULTS.bridge,
    };
    const taken = await unit.connections.deviceAt(connection, input.deviceId);
    if (taken !== null) throw addressTaken(connection, taken);
    const saved = await unit.connections.upsert(connection);
    // null: another device's PUT took the address between the check and the write
    if (!saved) throw addressTaken(connection, await unit.connections.deviceAt(connection, input.deviceId));
    return connectionView(saved);
  }
}

const addressTaken = (c: StoredConnection, deviceId: number | null) =>
  deviceError('CONNECTION_ADDRESS_TAKEN', `${c.mode} ${c.host}:${c.port}`, c.bridge, String(deviceId ?? '(another)'));
