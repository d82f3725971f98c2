import { DeviceConnectionView } from '@labflow/contracts';
import { ConnectionRecord } from './device-connection.repository';

/** A stored connection as every route answers it. */
export const connectionView = (c: ConnectionRecord): DeviceConnectionView => ({
  deviceId: c.deviceId, deviceName: c.deviceName, labId: c.labId, protocol: c.protocol, mode: c.mode, host: c.host, port: c.port,
  profile: c.profile, reconnectMs: c.reconnectMs, bridge: c.bridge, updatedAt: c.updatedAt.toISOString(),
});
