import { Type } from 'class-transformer';
import {
  IsArray, IsBoolean, IsInt, IsISO8601, IsNumber, IsOptional, IsString, MaxLength, ValidateNested,
} from 'class-validator';

export class DeviceRegistered {
  @IsInt() deviceId: number;
  @IsInt() labId: number;
  @IsString() @MaxLength(200) name: string;
  @IsISO8601() registeredAt: string;
}

/** One analyzer value, mapped to the lab report parameter (index) it fills. */
export class DeviceValue {
  @IsInt() labReportId: number;
  @IsInt() testId: number;
  @IsInt() index: number;
  @IsString() @MaxLength(200) testName: string;
  /** Raw value as the analyzer sent it (numbers are kept as their string form). */
  @IsString() @MaxLength(500) value: string;
  /** The value when the analyzer sent a number (seed 002 shows 110.12): reads return it as a number. */
  @IsOptional() @IsNumber() numericValue?: number;
  @IsArray() @IsString({ each: true }) paramFlags: string[];
  /** HL7 v2 Table 0078 / FHIR Observation.interpretation codes normalized from paramFlags, one per flag. */
  @IsArray() @IsString({ each: true }) interpretation: string[];
}

/** seed 002 §2: every accepted dataPartialFromDevice payload. */
export class DeviceDataReceived {
  @IsString() @MaxLength(64) resultId: string;
  @IsInt() labId: number;
  @IsString() @MaxLength(100) sampleId: string;
  @IsInt() deviceId: number;
  @IsString() @MaxLength(200) deviceName: string;
  @IsArray() @IsInt({ each: true }) labReportIds: number[];
  @IsArray() @IsString({ each: true }) testFlags: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => DeviceValue) values: DeviceValue[];
  @IsOptional() deviceExtraData?: Record<string, unknown>;
  /** Deprecated, never set: reporting decides per lab report whether values are document values. */
  @IsOptional() @IsBoolean() documentReport?: boolean;
  @IsISO8601() receivedAt: string;
}
