import { DeviceConnectionView } from '@labflow/contracts';
import { postJson } from '../delivery/gateway-client';
import { DeviceCredentialsConfig } from './device-connection.config';

/** What the gateway said of a registered device's connection. */
export type RegisteredConnectionAnswer =
  | { kind: 'found'; connection: DeviceConnectionView }
  /** None registered (404), or the credentials refused (401): nothing to open. */
  | { kind: 'none'; reason: string }
  /** Unreachable, 5xx, 429: ask again later; what is open stays open. */
  | { kind: 'retry'; reason: string };

/**
 * Reads the device's registered connection (`POST /api-v3/devices/connection`) with the device's own
 * credentials, as its uploads and host queries are authenticated: the token is stored in LabFlow only
 * as a hash, so the bridge holds it and LabFlow holds the rest.
 */
export async function fetchRegisteredConnection(gatewayUrl: string, device: DeviceCredentialsConfig, timeoutMs: number): Promise<RegisteredConnectionAnswer> {
  const answer = await postJson(`${gatewayUrl.replace(/\/$/, '')}/api-v3/devices/connection`, { labId: device.labId, deviceAuth: device.deviceAuth }, {}, timeoutMs);
  switch (answer.kind) {
    case 'accepted':
      return { kind: 'found', connection: answer.body as DeviceConnectionView };
    case 'refused':
      return { kind: 'none', reason: answer.reason };
    case 'retry':
      return { kind: 'retry', reason: answer.reason };
  }
}
