import { DeviceConnectionView } from '@labflow/contracts';
import { VendorProfile } from '../profiles/vendor-profile';
import { checkedConnection, DeviceConnectionConfig, DeviceCredentialsConfig } from './device-connection.config';
import { RegisteredConnectionAnswer } from './registered-connection.client';

/** Where one registered device stands, for readiness and the logs. */
export type RegistrationStatus = 'pending' | 'open' | 'none' | 'invalid' | 'elsewhere';

/** What the bridge makes of one answer: a connection to have open, or none (and why), or no news (keep what is open). */
export type RegistrationOutcome =
  | { kind: 'wanted'; device: DeviceConnectionConfig }
  | { kind: 'unwanted'; status: Exclude<RegistrationStatus, 'open' | 'pending'>; name: string | null; reason: string }
  | { kind: 'unknown'; reason: string };

/** The name of a registered device: the configured one, else `device-<id>` (stable: an id is never reused). */
export const registeredName = (credentials: DeviceCredentialsConfig, deviceId: number) => credentials.name ?? `device-${deviceId}`;

/**
 * One registration as this bridge instance serves it: checked with the same rules as a configured
 * connection (DeviceConnectionConfig, the profile registry), with the credentials it was read with.
 * A connection registered for another bridge (its `bridge` name) is not this one's to open.
 */
export function outcomeOf(
  credentials: DeviceCredentialsConfig, answer: RegisteredConnectionAnswer, profiles: ReadonlyMap<string, VendorProfile>, bridgeName: string,
): RegistrationOutcome {
  if (answer.kind === 'retry') return { kind: 'unknown', reason: answer.reason };
  if (answer.kind === 'none') return { kind: 'unwanted', status: 'none', name: credentials.name ?? null, reason: answer.reason };
  const view: DeviceConnectionView = answer.connection;
  const name = registeredName(credentials, view.deviceId);
  if (view.bridge !== bridgeName) return { kind: 'unwanted', status: 'elsewhere', name, reason: `registered for bridge ${view.bridge}, this is ${bridgeName}` };
  try {
    const device = checkedConnection({
      name, protocol: view.protocol, mode: view.mode, host: view.host, port: view.port, labId: credentials.labId,
      deviceAuth: credentials.deviceAuth, profile: view.profile, reconnectMs: view.reconnectMs,
    }, `device ${view.deviceId} of lab ${credentials.labId}`, profiles);
    return { kind: 'wanted', device };
  } catch (error) {
    return { kind: 'unwanted', status: 'invalid', name, reason: (error as Error).message };
  }
}
