import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength,
  ValidateBy, ValidateNested,
} from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '../openapi';
import { defineCommand } from './command';

/** An analyzer value: a number or a non-empty string (qualitative results never qualify numerically). */
const IsRerunValue = () => ValidateBy({
  name: 'isRerunValue',
  validator: {
    validate: (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length >= 1 && v.length <= 500),
    defaultMessage: (args) => `${args?.property ?? 'value'} must be a number or a string of 1 to 500 characters`,
  },
});

/** Ids are PostgreSQL `int`s in their owner: a larger number cannot name anything (400, not a 500). */
const MAX_ID = 2_147_483_647;

export class LabReportIdParam {
  @ApiProperty({ example: 12345 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) labReportId: number;
}

/** seed 000 §1 GET: one stored rerun value, exactly the spec's fields. */
export interface SampleRerunValueView {
  _id: string;
  lab_id: number;
  sample_id: string;
  value: string;
  order: number;
  index: number;
  rerun_type: string;
  rerun_number: number;
  parameter_name: string;
  device_id: string;
  device_name: string;
  created_at: string;
}
export interface SampleRerunValuesResult { reruns: SampleRerunValueView[] }

/** seed 000 §3: `SampleRerun.create_allowed_fields`; anything else is refused. */
export class RequestSampleRerunBody {
  @ApiProperty({ example: 'Manual', description: '"Manual" from the UI, "auto" from the auto-rerun check' })
  @IsIn(['Manual', 'auto']) type: 'Manual' | 'auto';
  @ApiProperty({ example: '1', description: 'A positive whole number, as a string' })
  @IsString() @Matches(/^[1-9]\d{0,5}$/, { message: 'rerun_number must be a positive whole number given as a string, e.g. "1"' })
  rerun_number: string;
  @ApiProperty({
    example: '[1, 3, 5]', description: 'JSON array of parameter indexes, as a string; each index once',
    pattern: '^[ \\t\\n\\r]*\\[[ \\t\\n\\r]*(0|[1-9][0-9]{0,8})[ \\t\\n\\r]*(,[ \\t\\n\\r]*(0|[1-9][0-9]{0,8})[ \\t\\n\\r]*)*\\][ \\t\\n\\r]*$',
  })
  @IsString() @MaxLength(5000) requested_parameters: string;
  @ApiPropertyOptional({ example: ['WBC Count', 'RBC Count', 'Hemoglobin'] })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) @MaxLength(200, { each: true }) parameter_names?: string[];
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() is_active?: boolean;
  @ApiPropertyOptional({ example: 100, description: 'Must equal the caller\'s lab when given' }) @IsOptional() @IsInt() lab_id?: number;
}
export class RequestSampleRerunInput extends RequestSampleRerunBody {
  @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) labReportId: number;
}

export class RerunDeviceValueDto {
  @ApiProperty({ example: 3 }) @IsInt() @Min(0) @Max(100_000) index: number;
  @ApiProperty({ example: '12.5', oneOf: [{ type: 'string', minLength: 1, maxLength: 500 }, { type: 'number' }] }) @IsRerunValue() value: string | number;
  @ApiProperty({ example: 'WBC Count' }) @IsString() @MinLength(1) @MaxLength(200) parameter_name: string;
}

/** seed 000 §2: values re-measured by the instrument. */
export class RerunValuesBody {
  @ApiProperty({ example: 100 }) @IsInt() lab_id: number;
  @ApiProperty({ example: 'S001' }) @IsString() @MinLength(1) @MaxLength(100) sample_id: string;
  @ApiProperty({ example: '42' }) @IsString() @MinLength(1) @MaxLength(100) device_id: string;
  @ApiProperty({ example: 'Sysmex XN-1000' }) @IsString() @MinLength(1) @MaxLength(200) device_name: string;
  @ApiProperty({ example: 'manual_rerun' }) @IsString() @MinLength(1) @MaxLength(50) rerun_type: string;
  @ApiProperty({ example: 1, description: '-1: instrument triggered; >= 1: the manual request it answers' })
  @IsInt() @Min(-1) @Max(999_999) rerun_number: number;
  @ApiPropertyOptional({ example: 12345 }) @IsOptional() @IsInt() lab_report_id?: number;
  @ApiProperty({ type: [RerunDeviceValueDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500)
  @ValidateNested({ each: true }) @Type(() => RerunDeviceValueDto) device_data: RerunDeviceValueDto[];
}
export class RerunValuesInput extends RerunValuesBody {
  @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) labReportId: number;
}

/** seed 000 §4: one chosen value (original or rerun) for a parameter. */
export class RerunConfirmedValueDto {
  @ApiPropertyOptional({ example: 500 }) @IsOptional() @IsInt() profileTestId?: number;
  @ApiProperty({ example: '12.5', oneOf: [{ type: 'string', minLength: 1, maxLength: 500 }, { type: 'number' }] }) @IsRerunValue() value: string | number;
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsInt() order?: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(0) @Max(100_000) index: number;
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsInt() highlight?: number;
  @ApiPropertyOptional({ example: 0 }) @IsOptional() @IsInt() automatedValue?: number;
  @ApiPropertyOptional({ example: 12345, description: 'Must equal the path lab report id when given' }) @IsOptional() @IsInt() reportForId_id?: number;
  @ApiPropertyOptional({ example: 'WBC Count' }) @IsOptional() @IsString() @MaxLength(200) parameter_name?: string;
}
export class ConfirmRerunBody {
  @ApiProperty({ type: [RerunConfirmedValueDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500)
  @ValidateNested({ each: true }) @Type(() => RerunConfirmedValueDto) rerun_confirmed_data: RerunConfirmedValueDto[];
}
export class ConfirmRerunInput extends ConfirmRerunBody {
  @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) labReportId: number;
}

export class AbortRerunInput extends LabReportIdParam {}

export class AutoRerunDeviceValueDto {
  @ApiProperty({ example: 3 }) @IsInt() @Min(0) @Max(100_000) index: number;
  @ApiProperty({ example: '1500', oneOf: [{ type: 'string', minLength: 1, maxLength: 500 }, { type: 'number' }] }) @IsRerunValue() value: string | number;
}
/** seed 000 §6. */
export class AutoRerunCheckBody {
  @ApiProperty({ type: [AutoRerunDeviceValueDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500)
  @ValidateNested({ each: true }) @Type(() => AutoRerunDeviceValueDto) device_data: AutoRerunDeviceValueDto[];
}
export class AutoRerunCheckInput extends AutoRerunCheckBody {
  @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) labReportId: number;
}

export interface RerunMessageResult { message: string; type?: string }

export const RERUN_COMMANDS = {
  values: defineCommand<LabReportIdParam, SampleRerunValuesResult>('rerun', 'rerun.values.get'),
  request: defineCommand<RequestSampleRerunInput, RerunMessageResult>('rerun', 'rerun.request'),
  receiveValues: defineCommand<RerunValuesInput, RerunMessageResult>('rerun', 'rerun.values.receive'),
  confirm: defineCommand<ConfirmRerunInput, RerunMessageResult>('rerun', 'rerun.confirm'),
  abort: defineCommand<AbortRerunInput, RerunMessageResult>('rerun', 'rerun.abort'),
  autoCheck: defineCommand<AutoRerunCheckInput, RerunMessageResult>('rerun', 'rerun.auto.check'),
} as const;

/** What the rerun app needs of a lab report, answered by its owner (reporting) over Kafka. */
export interface RerunParameterRule {
  index: number;
  name: string;
  lower: number | null;
  upper: number | null;
  criticalLower: number | null;
  criticalUpper: number | null;
  autoRerunAllowed: boolean;
  autoRerunCondition: 'abnormal' | 'critical' | 'custom' | null;
  autoRerunLower: number | null;
  autoRerunUpper: number | null;
}
export interface RerunAgeRange {
  index: number;
  gender: 'male' | 'female' | 'any';
  ageFrom: number;
  ageTo: number;
  ageUnit: 'days' | 'months' | 'years';
  lower: number | null;
  upper: number | null;
  criticalLower: number | null;
  criticalUpper: number | null;
}
export interface LabReportRerunContext {
  labReportId: number;
  labId: number;
  sampleId: string;
  testId: number;
  sampleRedrawFlag: number;
  patient: { gender: string; dateOfBirth: string };
  parameters: RerunParameterRule[];
  ageRanges: RerunAgeRange[];
  /** The report's current values (the originals a confirm replaces). */
  values: { index: number; value: string }[];
}

/** At most this many lab reports per `rerun-contexts` query (a batch of uploads asks in chunks of it). */
export const MAX_RERUN_CONTEXTS = 200;

/** The lab reports of several auto-rerun checks (a batch of analyzer uploads), all of the caller's lab. */
export class LabReportIdsParam {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_RERUN_CONTEXTS) @IsInt({ each: true }) @Min(1, { each: true }) @Max(MAX_ID, { each: true })
  labReportIds: number[];
}

/** The contexts of the reports found in the caller's lab; a report not found there is left out. */
export interface LabReportRerunContexts {
  contexts: LabReportRerunContext[];
}

export const REPORTING_RERUN_QUERIES = {
  context: defineCommand<LabReportIdParam, LabReportRerunContext>('reporting', 'reporting.lab-report.rerun-context'),
  contexts: defineCommand<LabReportIdsParam, LabReportRerunContexts>('reporting', 'reporting.lab-report.rerun-contexts'),
} as const;
