import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength,
  ValidateNested, IsDefined } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '../openapi';
import { defineCommand } from './command';
import { MAX_ID } from './critical.commands';

export const TEST_TYPES = ['Normal', 'Document', 'Profile'] as const;
export type TestType = (typeof TEST_TYPES)[number];
export const AUTO_RERUN_CONDITIONS = ['abnormal', 'critical', 'custom'] as const;
export type AutoRerunCondition = (typeof AUTO_RERUN_CONDITIONS)[number];
export const RANGE_GENDERS = ['male', 'female', 'any'] as const;
export type RangeGender = (typeof RANGE_GENDERS)[number];
export const AGE_UNITS = ['days', 'months', 'years'] as const;
export type AgeUnit = (typeof AGE_UNITS)[number];

/** seed 002 §1: testData.test. `enable_device_flags` is not stored: it decides document_report. */
export class TestInfoDto {
  @ApiProperty({ example: 'CBC' }) @IsString() @MinLength(1) @MaxLength(200) testName: string;
  @ApiProperty({ enum: TEST_TYPES, example: 'Normal' }) @IsIn(TEST_TYPES) test_type: TestType;
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() enable_device_flags?: boolean;
  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean() show_device_extra_data_in_pdf?: boolean;
  @ApiPropertyOptional({ description: 'Department of the test (lab reports inherit it)', example: 3 })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) department?: number;
}

export class TestDataDto {
  @ApiPropertyOptional({ example: 0 }) @IsOptional() @IsInt() addFlag?: number;
  @ApiPropertyOptional({ description: 'Client-side id; the server assigns the test id', example: 10268009 })
  @IsOptional() @IsInt() testID?: number;
  @ApiProperty({ type: TestInfoDto }) @IsDefined() @ValidateNested() @Type(() => TestInfoDto) test: TestInfoDto;
}

/** One report parameter (reportData row): reference, critical and linearity ranges, auto-rerun rule. */
export class ReportParameterDto {
  @ApiProperty({ example: 4 }) @IsInt() @Min(0) index: number;
  @ApiProperty({ example: 'Haemoglobin' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: 'g/dL' }) @IsOptional() @IsString() @MaxLength(50) unit?: string;
  @ApiPropertyOptional({ example: 12 }) @IsOptional() @IsNumber() lower?: number;
  @ApiPropertyOptional({ example: 16 }) @IsOptional() @IsNumber() upper?: number;
  @ApiPropertyOptional({ example: '12 - 16' }) @IsOptional() @IsString() @MaxLength(500) reference_text?: string;
  @ApiPropertyOptional({ example: 7 }) @IsOptional() @IsNumber() critical_lower?: number;
  @ApiPropertyOptional({ example: 20 }) @IsOptional() @IsNumber() critical_upper?: number;
  @ApiPropertyOptional({ example: 0 }) @IsOptional() @IsNumber() linearity_lower?: number;
  @ApiPropertyOptional({ example: 25 }) @IsOptional() @IsNumber() linearity_upper?: number;
  @ApiPropertyOptional({ example: false, description: 'true needs an auto_rerun_condition' }) @IsOptional() @IsBoolean() auto_rerun_allowed?: boolean;
  @ApiPropertyOptional({ enum: AUTO_RERUN_CONDITIONS }) @IsOptional() @IsIn(AUTO_RERUN_CONDITIONS) auto_rerun_condition?: AutoRerunCondition;
  @ApiPropertyOptional({ description: 'custom condition: rerun below this' }) @IsOptional() @IsNumber() auto_rerun_lower?: number;
  @ApiPropertyOptional({ description: 'custom condition: rerun above this' }) @IsOptional() @IsNumber() auto_rerun_upper?: number;
}

/** ageRangeData row: an age- and gender-specific override of a parameter's ranges. */
export class AgeRangeDto {
  @ApiProperty({ example: 4 }) @IsInt() @Min(0) index: number;
  @ApiProperty({ enum: RANGE_GENDERS }) @IsIn(RANGE_GENDERS) gender: RangeGender;
  @ApiProperty({ example: 0 }) @IsInt() @Min(0) age_from: number;
  @ApiProperty({ description: 'exclusive', example: 18 }) @IsInt() @Min(1) age_to: number;
  @ApiProperty({ enum: AGE_UNITS }) @IsIn(AGE_UNITS) age_unit: AgeUnit;
  @ApiPropertyOptional() @IsOptional() @IsNumber() lower?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() upper?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reference_text?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() critical_lower?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() critical_upper?: number;
}

/** A computed parameter: `expression` uses + - * / ( ) numbers and `{index}` references. */
export class CalculationDto {
  @ApiProperty({ example: 6 }) @IsInt() @Min(0) index: number;
  @ApiProperty({ example: '({4} * 10) / {5}' }) @IsString() @MinLength(1) @MaxLength(500) expression: string;
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsInt() @Min(0) decimals?: number;
}

export class AddTestToChildLabsDto {
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) @ArrayMaxSize(500) childLabIds?: number[];
}

export class ReportFormatBody {
  @ApiProperty({ type: TestDataDto }) @IsDefined() @ValidateNested() @Type(() => TestDataDto) testData: TestDataDto;
  @ApiProperty({ type: [ReportParameterDto] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => ReportParameterDto)
  reportData: ReportParameterDto[];
  @ApiPropertyOptional({ type: [AgeRangeDto] }) @IsOptional() @IsArray() @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => AgeRangeDto)
  ageRangeData?: AgeRangeDto[];
  @ApiPropertyOptional({ type: [CalculationDto] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CalculationDto)
  calculations?: CalculationDto[];
  @ApiPropertyOptional({ type: AddTestToChildLabsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => AddTestToChildLabsDto)
  addTestToChildLabsData?: AddTestToChildLabsDto;
}

export class CreateReportFormatInput extends ReportFormatBody {}

export class UpdateReportFormatInput extends ReportFormatBody {
  @ApiProperty({ example: 12 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) testId: number;
}

/** The stored format as every read shows it (wire names of seed 002). */
export interface ReportFormatResult {
  testId: number;
  testName: string;
  test_type: TestType;
  document_report: number;
  show_device_extra_data_in_pdf: boolean;
  department: number | null;
  reportData: ReportParameterDto[];
  ageRangeData: AgeRangeDto[];
  calculations: CalculationDto[];
  addTestToChildLabsData: { childLabIds: number[] };
  updatedAt: string;
}

export const REPORT_FORMAT_COMMANDS = {
  create: defineCommand<CreateReportFormatInput, ReportFormatResult>('reporting', 'report-format.create'),
  update: defineCommand<UpdateReportFormatInput, ReportFormatResult>('reporting', 'report-format.update'),
} as const;

export class TestIdParam {
  @ApiProperty({ example: 12 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) testId: number;
}

/** What another service may learn of a test of the caller's lab: that it exists, and its parameter indexes. */
export interface TestParameterIndexes {
  testId: number;
  /** The `reportData` indexes of its format. */
  parameterIndexes: number[];
}

/** Asked by other services (not routed by the gateway); another lab's test is a 404 like an unknown one. */
export const REPORT_FORMAT_QUERIES = {
  parameterIndexes: defineCommand<TestIdParam, TestParameterIndexes>('reporting', 'reporting.test.parameter-indexes'),
} as const;
