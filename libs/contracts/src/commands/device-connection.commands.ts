import { isIP } from 'node:net';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateBy } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '../openapi';
import { defineCommand } from './command';
import { MAX_ID } from './critical.commands';

/** A host name as RFC 1123 allows it (letters, digits, hyphens; dot-separated labels). */
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * Server mode listens on an address of the bridge's own machine: an IP literal (a name could resolve
 * to another box). Client mode connects to an instrument or a terminal server: an IP or a host name.
 */
export function connectionHostProblem(mode: string | undefined, host: unknown): string | null {
  if (typeof host !== 'string') return 'host must be a string';
  if (mode === 'client') return isIP(host) !== 0 || HOST_NAME.test(host) ? null : 'host must be an IP address or a host name';
  return isIP(host) !== 0 ? null : 'host must be an IP address in server mode (the address the bridge listens on)';
}

const IsConnectionHost = () => ValidateBy({
  name: 'isConnectionHost',
  validator: {
    validate: (host: unknown, args) => connectionHostProblem((args?.object as { mode?: string }).mode, host) === null,
    defaultMessage: (args) => connectionHostProblem((args?.object as { mode?: string }).mode, args?.value) ?? 'host is invalid',
  },
});

/** A registered analyzer connection: how its bridge reaches the instrument (docs/analyzers.md). */
export class DeviceConnectionBody {
  @ApiProperty({ enum: ['astm', 'hl7'], example: 'astm' }) @IsIn(['astm', 'hl7']) protocol: 'astm' | 'hl7';
  @ApiPropertyOptional({ enum: ['server', 'client'], default: 'server', description: 'server: the bridge listens; client: the bridge connects (a terminal server\'s port)' })
  @IsOptional() @IsIn(['server', 'client']) mode?: 'server' | 'client';
  @ApiPropertyOptional({ example: '127.0.0.1', default: '127.0.0.1', maxLength: 253, description: 'server: an IP address to listen on; client: the address to connect to' })
  @IsOptional() @IsString() @MaxLength(253) @IsConnectionHost() host?: string;
  @ApiProperty({ example: 5100, minimum: 1, maximum: 65535 }) @IsInt() @Min(1) @Max(65535) port: number;
  @ApiProperty({ example: 'astm-lis2-a2', description: 'A vendor profile the bridge knows (built in or BRIDGE_PROFILES_DIR)' })
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { message: 'profile must be a profile name (letters, digits, ".", "_", "-")' }) profile: string;
  @ApiPropertyOptional({ example: 5000, default: 5000, minimum: 100, maximum: 600000, description: 'client mode: the wait before connecting again after a drop' })
  @IsOptional() @IsInt() @Min(100) @Max(600_000) reconnectMs?: number;
  @ApiPropertyOptional({ example: 'default', default: 'default', description: 'The bridge instance (its BRIDGE_NAME) that serves this connection' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'bridge must be a bridge name (letters, digits, ".", "_", "-")' }) bridge?: string;
}

export class DeviceIdParam {
  @ApiProperty({ example: 3 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) deviceId: number;
}

export class SetDeviceConnectionInput extends DeviceConnectionBody {
  @IsInt() @Min(1) @Max(MAX_ID) deviceId: number;
}

/** The bridge asks for its device's connection with the device's own credentials (the token is stored only as a hash). */
export class RegisteredConnectionInput {
  @ApiProperty({ example: 11957 }) @IsInt() @Min(1) @Max(MAX_ID) labId: number;
  @ApiProperty({ example: 'f94032be-5e1f-47fd-96a1-92a66c6014c3' }) @IsString() @MinLength(1) @MaxLength(200) deviceAuth: string;
}

/** A device's registered connection, defaults filled in. */
export interface DeviceConnectionView {
  deviceId: number;
  deviceName: string;
  labId: number;
  protocol: 'astm' | 'hl7';
  mode: 'server' | 'client';
  host: string;
  port: number;
  profile: string;
  reconnectMs: number;
  bridge: string;
  updatedAt: string;
}

export const DEVICE_CONNECTION_DEFAULTS = { mode: 'server', host: '127.0.0.1', reconnectMs: 5000, bridge: 'default' } as const;

export const DEVICE_CONNECTION_COMMANDS = {
  set: defineCommand<SetDeviceConnectionInput, DeviceConnectionView>('device-ingestion', 'device.connection.set'),
  get: defineCommand<DeviceIdParam, DeviceConnectionView>('device-ingestion', 'device.connection.get'),
  delete: defineCommand<DeviceIdParam, DeviceConnectionView>('device-ingestion', 'device.connection.delete'),
  registered: defineCommand<RegisteredConnectionInput, DeviceConnectionView>('device-ingestion', 'device.connection.registered'),
} as const;
