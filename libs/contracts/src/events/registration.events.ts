import { Type } from 'class-transformer';
import {
  IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested,
} from 'class-validator';

export class RegisteredPatient {
  @IsUUID() patientId: string;
  @IsString() @MaxLength(200) name: string;
  /** YYYY-MM-DD */
  @IsISO8601({ strict: true }) dateOfBirth: string;
  @IsIn(['male', 'female', 'other', 'unknown']) gender: 'male' | 'female' | 'other' | 'unknown';
}

/** One collected sample (tube) of the bill; the specimen app keeps it as a specimen. */
export class RegisteredSample {
  @IsString() @MaxLength(100) sampleId: string;
  /** The specimen id (UUID) the specimen app uses (seed 003 path `/specimens/:id`). */
  @IsUUID() specimenId: string;
  @IsISO8601() collectedAt: string;
  @IsArray() @IsInt({ each: true }) labReportIds: number[];
}

export class RegisteredLabReport {
  @IsInt() labReportId: number;
  @IsInt() testId: number;
  @IsString() @MaxLength(200) testName: string;
  @IsString() @MaxLength(100) sampleId: string;
  @IsOptional() @IsInt() departmentId?: number;
}

/** A patient was registered with a bill: its tests became lab reports and its samples specimens. */
export class BillRegistered {
  @IsInt() labId: number;
  @IsInt() billId: number;
  @ValidateNested() @Type(() => RegisteredPatient) patient: RegisteredPatient;
  @IsOptional() @IsInt() doctorId?: number;
  @IsOptional() @IsInt() organizationId?: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => RegisteredSample) samples: RegisteredSample[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => RegisteredLabReport) labReports: RegisteredLabReport[];
  @IsString() @MaxLength(100) registeredBy: string;
  @IsISO8601() registeredAt: string;
}
