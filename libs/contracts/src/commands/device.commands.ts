import { IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '../openapi';
import { defineCommand } from './command';

export class RegisterDeviceInput {
  @ApiProperty({ example: 'Sysmex XN-1000', minLength: 1, maxLength: 200 })
  @IsString() @MinLength(1) @MaxLength(200) name: string;

  @ApiPropertyOptional({ description: 'Must equal the caller\'s lab when given', example: 100, type: 'integer' })
  @IsOptional() @IsInt() lab?: number;
}

export interface RegisterDeviceResult {
  id: number;
  name: string;
  lab: number;
  /** Shown once: only its hash is stored. */
  deviceAuth: string;
}

export const DEVICE_COMMANDS = {
  register: defineCommand<RegisterDeviceInput, RegisterDeviceResult>('device-ingestion', 'device.register'),
} as const;
