import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, Min } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '../openapi';
import { defineCommand } from './command';
import { MAX_ID } from './critical.commands';
import type { ReportVerificationBlock } from './verification.commands';

/** One stored parameter value as the seed 002 reads show it (flags only for document reports). */
export interface ReportValueView {
  index: number;
  value: number | string | null;
  device_name?: string | null;
  test_flags?: string[];
  param_flags?: string[];
  /** Beyond the spec: HL7 Table 0078 codes normalized from param_flags (same order). */
  param_flag_interpretations?: string[];
}

export class ReportEntryQuery {
  @ApiProperty({ example: 123 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) labReportId: number;
  @ApiPropertyOptional({ enum: [0, 1], example: 0 }) @IsOptional() @Type(() => Number) @IsIn([0, 1]) isSigned?: number;
}

/** seed 002 §3 response of `GET getReportFormatForTestEntry/`. */
export interface ReportEntryResult {
  value: ReportValueView[];
  reportFormat: unknown[];
  calculationList: unknown[];
  qcArray: unknown[];
  historicalValuesByIndex: Record<string, { labReportId: number; value: number | string | null; date: string }[]>;
  labReportSigningMeta: Record<string, unknown>;
  /** Beyond the spec: the report's autoverification decision (null: none yet). */
  verification?: ReportVerificationBlock | null;
}

export class PatientReportsQuery {
  @ApiProperty({ example: 123 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) labReportId: number;
}

/** seed 002 §4 response of `GET api-v3/patient/<labReportId>/all-reports`. */
export interface PatientReportsResult {
  reports: unknown[];
  report_result_mapper: Record<string, ReportValueView[]>;
  report_format_mapper: Record<string, unknown[]>;
  calculations_mapper: Record<string, unknown[]>;
  qc_values: Record<string, unknown>;
  patient: Record<string, unknown>;
  /** Beyond the spec: each report's autoverification decision, by lab report id. */
  verification_mapper?: Record<string, ReportVerificationBlock | null>;
}

export class DeviceResultsValidationDates {
  @ApiProperty({ example: '2026-05-25T18:30:00.000Z' }) @IsString() @IsISO8601({ strict: true }, { message: 'startDate must be an ISO 8601 date-time' }) startDate: string;
  @ApiProperty({ example: '2026-05-26T18:29:59.000Z' }) @IsString() @IsISO8601({ strict: true }, { message: 'endDate must be an ISO 8601 date-time' }) endDate: string;
}

export class DeviceResultsValidationQuery extends DeviceResultsValidationDates {
  @ApiProperty({ example: 3 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) deviceId: number;
}

/** seed 002 §5 response of `GET api-v3/interfacing/device-results-validation/<deviceId>`. */
export interface DeviceResultsValidationResult {
  results: unknown[];
  device_id: number;
  device_name: string;
  bill_and_user_details_by_sample: Record<string, unknown>;
  /** Beyond the spec: the autoverification decision of each listed result's lab report, by lab report id. */
  verification_mapper?: Record<string, ReportVerificationBlock | null>;
}

export const REPORT_READ_COMMANDS = {
  reportEntry: defineCommand<ReportEntryQuery, ReportEntryResult>('reporting', 'report.entry.get'),
  patientReports: defineCommand<PatientReportsQuery, PatientReportsResult>('reporting', 'report.patient-all.get'),
  deviceResultsValidation: defineCommand<DeviceResultsValidationQuery, DeviceResultsValidationResult>('reporting', 'device-results.validation.get'),
} as const;
