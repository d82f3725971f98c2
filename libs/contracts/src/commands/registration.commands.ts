import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min, MinLength,
  ValidateNested, IsDefined } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '../openapi';
import { defineCommand } from './command';

export class RegistrationPatientDto {
  @ApiProperty({ example: 'Asha Rao' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ example: '1984-02-29', format: 'date' }) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'patient.dateOfBirth must be YYYY-MM-DD' })
  dateOfBirth: string;
  @ApiProperty({ enum: ['male', 'female', 'other', 'unknown'] }) @IsIn(['male', 'female', 'other', 'unknown'])
  gender: 'male' | 'female' | 'other' | 'unknown';
}

export class RegistrationBillDto {
  @ApiPropertyOptional({ example: 21 }) @IsOptional() @IsInt() @Min(1) doctorId?: number;
  @ApiPropertyOptional({ example: 5 }) @IsOptional() @IsInt() @Min(1) organizationId?: number;
}

export class RegistrationSampleDto {
  @ApiProperty({ example: '000114626' }) @IsString() @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'sampleId must be 1-100 letters, digits, dot, dash or underscore' })
  sampleId: string;
  @ApiProperty({ example: '2026-05-25T08:00:00.000Z' }) @IsISO8601() collectedAt: string;
}

export class RegistrationTestDto {
  @ApiProperty({ example: 12 }) @IsInt() @Min(1) testId: number;
  @ApiProperty({ example: '000114626', description: 'One of samples[].sampleId' }) @IsString() @MaxLength(100) sampleId: string;
}

/** Set-up the specs assume: a patient with a bill, its tests (one lab report each) and samples. */
export class RegisterPatientInput {
  @ApiProperty({ type: RegistrationPatientDto }) @IsDefined() @ValidateNested() @Type(() => RegistrationPatientDto) patient: RegistrationPatientDto;
  @ApiPropertyOptional({ type: RegistrationBillDto }) @IsOptional() @ValidateNested() @Type(() => RegistrationBillDto) bill?: RegistrationBillDto;
  @ApiProperty({ type: [RegistrationSampleDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => RegistrationSampleDto)
  samples: RegistrationSampleDto[];
  @ApiProperty({ type: [RegistrationTestDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => RegistrationTestDto)
  tests: RegistrationTestDto[];
}

export interface RegisterPatientResult {
  patientId: string;
  billId: number;
  labReports: { labReportId: number; testId: number; sampleId: string }[];
  samples: { sampleId: string; specimenId: string }[];
}

export const REGISTRATION_COMMANDS = {
  register: defineCommand<RegisterPatientInput, RegisterPatientResult>('reporting', 'registration.register'),
} as const;

export class SampleIdQuery {
  @ApiProperty({ example: '000114626' }) @IsString() @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'sampleId must be 1-100 letters, digits, dot, dash or underscore' })
  sampleId: string;
}

/** The lab reports a sample of the caller's lab carries (what `bill.registered` tells its consumers). */
export interface SampleLabReports {
  sampleId: string;
  labReports: { labReportId: number; testId: number; billId: number }[];
}

/**
 * Asked by other services (not routed by the gateway): device-ingestion asks before refusing an
 * upload for a sample it has not learned yet from `bill.registered`. Unknown in the lab: 404.
 */
export const REGISTRATION_QUERIES = {
  sampleLabReports: defineCommand<SampleIdQuery, SampleLabReports>('reporting', 'reporting.sample.lab-reports'),
} as const;
