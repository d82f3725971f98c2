import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength,
  ValidateBy, ValidateNested, IsDefined } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '../openapi';
import { defineCommand } from './command';
import { MAX_ID } from './critical.commands';

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

/** HL7 v2 Table 0078 interpretation codes a vendor flag may normalize to (FHIR Observation.interpretation). */
export const HL7_INTERPRETATIONS = ['N', 'L', 'H', 'LL', 'HH', 'LU', 'HU', 'A', 'AA', '<', '>', 'U', 'D', 'B', 'W', 'S', 'R', 'I', 'NEG', 'POS', 'IND', 'QCF'] as const;
export type Hl7Interpretation = (typeof HL7_INTERPRETATIONS)[number];

export class DeviceParameterMappingDto {
  @ApiProperty({ description: 'Analyzer code of the parameter', example: 'hmg' })
  @IsString() @MinLength(1) @MaxLength(100) testName: string;
  @ApiProperty({ description: 'The reportData index of the test it fills', example: 4 }) @IsInt() @Min(0) index: number;
}

export class DeviceMappingBody {
  @ApiProperty({ description: 'A test (report format) of the caller\'s lab', example: 12 }) @IsInt() @Min(1) @Max(MAX_ID) testId: number;
  @ApiProperty({ description: 'Mapping function of the registry', example: 'PartialFill', enum: ['PartialFill'] })
  @IsString() @MinLength(1) @MaxLength(100) functionName: string;
  @ApiProperty({ type: [DeviceParameterMappingDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500)
  @ValidateNested({ each: true }) @Type(() => DeviceParameterMappingDto) parameters: DeviceParameterMappingDto[];
  @ApiPropertyOptional({
    description: 'Per-device vendor flag → HL7 Table 0078 code; replaces the device table', example: { 'H~N': 'H' },
    type: 'object', additionalProperties: { type: 'string', enum: [...HL7_INTERPRETATIONS] },
  })
  @IsOptional() @IsObject() flagInterpretations?: Record<string, string>;
}

export class DeviceMappingInput extends DeviceMappingBody {
  @ApiProperty({ example: 3 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) deviceId: number;
}

export interface DeviceMappingResult {
  id: number;
  deviceId: number;
  testId: number;
  functionName: string;
  parameters: { testName: string; index: number }[];
  flagInterpretations: Record<string, string>;
}

/** seed 002 §2: one analyzer parameter value. `value` is a number or a string (qualitative results). */
export class DevicePayloadValueDto {
  @ApiProperty({ example: 'hmg' }) @IsString() @MinLength(1) @MaxLength(100) testName: string;
  @ApiProperty({ example: 110.12, oneOf: [{ type: 'number' }, { type: 'string', minLength: 1, maxLength: 500 }] })
  @ValidateBy({
    name: 'isAnalyzerValue',
    validator: {
      validate: (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length >= 1 && v.length <= 500),
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a number or a string of 1 to 500 characters`,
    },
  })
  value: number | string;
  @ApiPropertyOptional({ type: [String], example: ['P1', 'H~N'] }) @IsOptional() @ArrayMaxSize(50)
  @IsString({ each: true }) @MaxLength(100, { each: true }) @IsArray() param_flags?: string[];
}

export class DevicePayloadDataDto {
  @ApiProperty({ type: [DevicePayloadValueDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500)
  @ValidateNested({ each: true }) @Type(() => DevicePayloadValueDto) values: DevicePayloadValueDto[];
}

/** seed 002 §2 `POST dataPartialFromDevice/`: authenticated by deviceAuth, not by a bearer token. */
export class DataPartialFromDeviceInput {
  @ApiProperty({ example: 11957 }) @IsInt() @Min(1) labId: number;
  @ApiProperty({ example: '000114626' }) @IsString() @MinLength(1) @MaxLength(100) sampleId: string;
  @ApiPropertyOptional({ example: 'f94032be-5e1f-47fd-96a1-92a66c6014c3' }) @IsOptional() @IsString() @MaxLength(200) deviceAuth?: string;
  @ApiPropertyOptional({ type: [String], example: ['DUMMY TEST FLAG1', 'FLAG2'] }) @IsOptional() @ArrayMaxSize(50)
  @IsString({ each: true }) @MaxLength(200, { each: true }) @IsArray() test_flags?: string[];
  @ApiProperty({ type: DevicePayloadDataDto }) @IsDefined() @ValidateNested() @Type(() => DevicePayloadDataDto) data: DevicePayloadDataDto;
  @ApiPropertyOptional({ description: 'Vendor extra data kept beside document report values' })
  @IsOptional() @IsObject() device_extra_data?: Record<string, unknown>;
}

export interface DataPartialFromDeviceResult {
  message: string;
  resultId: string;
  sampleId: string;
  filled: { labReportId: number; testId: number; index: number }[];
  /** true when this exact payload of this device had already been accepted (no second effect). */
  duplicate: boolean;
}

export const DEVICE_COMMANDS = {
  register: defineCommand<RegisterDeviceInput, RegisterDeviceResult>('device-ingestion', 'device.register'),
  addMapping: defineCommand<DeviceMappingInput, DeviceMappingResult>('device-ingestion', 'device.mapping.add'),
  dataPartial: defineCommand<DataPartialFromDeviceInput, DataPartialFromDeviceResult>('device-ingestion', 'device.data.partial'),
} as const;

