import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';
import { formatValidationErrors } from '@labflow/contracts';
import { VendorProfile } from '../profiles/vendor-profile';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** One instrument connection: how the bridge reaches it, whose lab it is, and how its output reads. */
export class DeviceConnectionConfig {
  /** A name for logs and the stored messages. */
  @IsString() @Matches(NAME) name: string;
  @IsIn(['astm', 'hl7']) protocol: 'astm' | 'hl7';
  /** `server`: the bridge listens, the instrument connects; `client`: the bridge connects (a terminal server's port). */
  @IsIn(['server', 'client']) mode: 'server' | 'client' = 'server';
  @IsString() @MinLength(1) host = '127.0.0.1';
  @IsInt() @Min(1) @Max(65535) port: number;
  @IsInt() @Min(1) labId: number;
  /** The device's token from `POST /api-v3/devices` (seed 002 deviceAuth). */
  @IsString() @MinLength(1) @MaxLength(200) deviceAuth: string;
  /** A vendor profile's name (built-in or from BRIDGE_PROFILES_DIR). */
  @IsString() @MinLength(1) profile: string;
  /** Client mode: the wait before connecting again after the connection dropped. */
  @IsInt() @Min(100) @Max(600_000) reconnectMs = 5000;
}

/** A registered device: only its credentials are configured; its connection is read from the gateway. */
export class DeviceCredentialsConfig {
  /** For logs and the stored messages; default `device-<its id>`. */
  @IsOptional() @IsString() @Matches(NAME) name?: string;
  @IsInt() @Min(1) labId: number;
  @IsString() @MinLength(1) @MaxLength(200) deviceAuth: string;
}

export interface BridgeDevices {
  /** Whole connections in the configuration (a site without registration): opened at start, as they are. */
  inline: DeviceConnectionConfig[];
  /** Registered devices: their connections are fetched and kept up to date (RegisteredConnections). */
  registered: DeviceCredentialsConfig[];
}

const CREDENTIAL_FIELDS = new Set(['name', 'labId', 'deviceAuth']);

/** An entry with only a device's credentials (and a name) is a registered device; any other is a whole connection. */
const isCredentials = (item: unknown) => typeof item === 'object' && item !== null && Object.keys(item).every((k) => CREDENTIAL_FIELDS.has(k));

function validated<T extends object>(cls: new () => T, item: unknown, label: string): T {
  const value = plainToInstance(cls, item);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new Error(`${label}: ${formatValidationErrors(errors).join('; ')}`);
  return value;
}

/** One connection checked by the same rules wherever it comes from (the configuration, or a registration): its fields and its profile. */
export function checkedConnection(item: unknown, label: string, profiles: ReadonlyMap<string, VendorProfile>): DeviceConnectionConfig {
  const device = validated(DeviceConnectionConfig, item, label);
  const profile = profiles.get(device.profile);
  if (!profile) throw new Error(`${label} (${device.name}): no vendor profile named ${device.profile}`);
  if (profile.protocol !== device.protocol) throw new Error(`${label} (${device.name}): profile ${device.profile} is for ${profile.protocol}, not ${device.protocol}`);
  return device;
}

/** Reads and checks the device list; every problem is named, so a bad setting stops the bridge at start. */
export function parseBridgeDevices(json: string, profiles: ReadonlyMap<string, VendorProfile>): BridgeDevices {
  if (json.trim() === '') return { inline: [], registered: [] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`devices: not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) throw new Error('devices: expected a JSON array of device connections');
  const devices: BridgeDevices = { inline: [], registered: [] };
  data.forEach((item: unknown, i) => {
    if (isCredentials(item)) devices.registered.push(validated(DeviceCredentialsConfig, item, `devices[${i}]`));
    else devices.inline.push(checkedConnection(item, `devices[${i}]`, profiles));
  });
  const names = new Set<string>();
  for (const name of [...devices.inline.map((d) => d.name), ...devices.registered.flatMap((d) => (d.name ? [d.name] : []))]) {
    if (names.has(name)) throw new Error(`devices: the name ${name} is used twice`);
    names.add(name);
  }
  const tokens = new Set<string>();
  for (const d of devices.registered) {
    if (tokens.has(`${d.labId}:${d.deviceAuth}`)) throw new Error(`devices: the credentials of lab ${d.labId} are listed twice`);
    tokens.add(`${d.labId}:${d.deviceAuth}`);
  }
  const endpoints = new Set<string>();
  for (const d of devices.inline) {
    const endpoint = `${d.mode}:${d.host}:${d.port}`;
    if (endpoints.has(endpoint)) throw new Error(`devices: ${d.host}:${d.port} (${d.mode}) is used twice`);
    endpoints.add(endpoint);
  }
  return devices;
}

/** The whole connections of the configuration (no registered devices): kept for callers that list only those. */
export function parseDeviceConnections(json: string, profiles: ReadonlyMap<string, VendorProfile>): DeviceConnectionConfig[] {
  return parseBridgeDevices(json, profiles).inline;
}
