import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';
import { formatValidationErrors } from '@labflow/contracts';
import { VendorProfile } from '../profiles/vendor-profile';

/** One instrument connection: how the bridge reaches it, whose lab it is, and how its output reads. */
export class DeviceConnectionConfig {
  /** A name for logs and the stored messages. */
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) name: string;
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

/** Reads and checks the device list; every problem is named, so a bad setting stops the bridge at start. */
export function parseDeviceConnections(json: string, profiles: ReadonlyMap<string, VendorProfile>): DeviceConnectionConfig[] {
  if (json.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`devices: not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) throw new Error('devices: expected a JSON array of device connections');
  const devices = data.map((item: unknown, i) => {
    const device = plainToInstance(DeviceConnectionConfig, item);
    const errors = validateSync(device, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw new Error(`devices[${i}]: ${formatValidationErrors(errors).join('; ')}`);
    const profile = profiles.get(device.profile);
    if (!profile) throw new Error(`devices[${i}] (${device.name}): no vendor profile named ${device.profile}`);
    if (profile.protocol !== device.protocol) throw new Error(`devices[${i}] (${device.name}): profile ${device.profile} is for ${profile.protocol}, not ${device.protocol}`);
    return device;
  });
  const names = new Set<string>();
  const endpoints = new Set<string>();
  for (const d of devices) {
    if (names.has(d.name)) throw new Error(`devices: the name ${d.name} is used twice`);
    names.add(d.name);
    const endpoint = `${d.mode}:${d.host}:${d.port}`;
    if (endpoints.has(endpoint)) throw new Error(`devices: ${d.host}:${d.port} (${d.mode}) is used twice`);
    endpoints.add(endpoint);
  }
  return devices;
}
