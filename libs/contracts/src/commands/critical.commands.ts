import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength,
} from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '../openapi';
import { defineCommand } from './command';

/** seed 001: the callout statuses a lab report's criticalValues can take once a value was critical. */
export const CALLOUT_STATUSES = ['pending', 'attempted', 'done'] as const;
export type CalloutStatus = (typeof CALLOUT_STATUSES)[number];
/** What a POST .../critical/callout records: a draft (no status change), an attempt, or a done callout. */
export const CALLOUT_KINDS = ['draft', 'attempted', 'done'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];
/** seed 001: activity log category of every callout entry. */
export const CRITICAL_CALLOUT_LOG_CATEGORY = 648;

/** PostgreSQL int4: ids above it are refused as input instead of failing in the store. */
export const MAX_ID = 2147483647;

export class CriticalRecordsQuery {
  @ApiProperty({ example: 12 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) billId: number;
}

/** One critical parameter of a report (seed 001 response `critical_parameters`). */
export interface CriticalParameterView {
  value: number | string;
  parameter_name: string;
  reference_range: string;
  index: number;
  unit: string | null;
  critical_range: string;
  critical_lower: number | null;
  critical_upper: number | null;
  /** Which side of the critical range the value is on. */
  critical_flag: 'critical_low' | 'critical_high';
}

/** seed 001 LabReportRelationAllTestSerializer: exactly these fields. */
export interface LabReportRelationView {
  orgId: number | null;
  onHold: number;
  billId: number;
  docForId: number | null;
  reportID: { testID: number; testName: string; departmentId: number | null; testType: string; documentReport: number };
  isSigned: number;
  isSynced: number;
  comments: string | null;
  isProfile: number;
  isApproved: number;
  isResolved: number;
  inQuestion: number;
  labReportId: number;
  notPerformed: number;
  claim_on_hold: number;
  userDetailsId: string;
  reportFormatId: number;
  criticalValues: CalloutStatus;
  auto_approval_status: number;
}

export interface AttemptedCalloutView {
  recipients: string[];
  critical_callout_comment: string | null;
  critical_values_meta: Record<string, unknown>;
  critical_callout_meta: { communication_methods: string[]; callout_for: number[] };
}

export interface CriticalRecordsResult {
  reports: { critical_parameters: CriticalParameterView[]; lab_report: LabReportRelationView }[];
  attempted_callout: AttemptedCalloutView | Record<string, never>;
}

export class RecordCalloutBody {
  @ApiProperty({ enum: CALLOUT_KINDS, example: 'attempted' }) @IsIn(CALLOUT_KINDS) status: CalloutKind;
  @ApiProperty({ type: [Number], example: [101] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @IsInt({ each: true }) @Min(1, { each: true }) @Max(MAX_ID, { each: true }) lab_report_ids: number[];
  // minItems documents the use case's own refusal ('recipients must not be empty'), whose message is the contract
  @ApiProperty({ type: [String], minItems: 1, example: ['Organization'] })
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(200, { each: true }) recipients: string[];
  @ApiProperty({ type: [String], minItems: 1, example: ['email'] })
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(50, { each: true }) communication_methods: string[];
  @ApiPropertyOptional({ example: "Patient's doctor was informed" })
  @IsOptional() @IsString() @MaxLength(2000) critical_callout_comment?: string;
  @ApiPropertyOptional({ description: 'Free-form values shown when the callout was made' })
  @IsOptional() @IsObject() critical_values_meta?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'CLSI GP47: the person who received the critical result', example: 'Dr. Mehta' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) contacted_person?: string;
  @ApiPropertyOptional({ description: 'CLSI GP47: the receiver read the value back', example: true })
  @IsOptional() @IsBoolean() read_back?: boolean;
}

export class RecordCalloutInput extends RecordCalloutBody {
  @ApiProperty({ example: 12 }) @IsInt() @Min(1) @Max(MAX_ID) billId: number;
}

export interface RecordCalloutResult {
  calloutId: number;
  billId: number;
  status: CalloutKind;
  lab_report_ids: number[];
  created_on: string;
}

export class CriticalLogsQuery {
  @ApiProperty({ description: 'Comma-separated lab report ids', example: '1,2,3', pattern: '^[ \\t]*[0-9]{1,9}[ \\t]*(,[ \\t]*[0-9]{1,9}[ \\t]*)*$' })
  @IsString() @MaxLength(20000) report_ids: string;
}

export interface CriticalLogEntry {
  meta: Record<string, unknown>;
  labUserName: string;
  activityText: string;
  activityDate: string;
}

export class CalloutExportBody {
  @ApiProperty({ type: [Number], example: [1, 2, 3] })
  @IsArray() @ArrayMaxSize(1000) @IsInt({ each: true }) @Min(1, { each: true }) @Max(MAX_ID, { each: true }) lab_report_ids: number[];
}

export interface CalloutExportRecord {
  lab_report_id: number;
  bill_id: number;
  status: CalloutKind;
  org_name: string | null;
  patient_name: string | null;
  referral_name: string | null;
  performed_by_user_name: string | null;
  performed_by_doctor_name: string | null;
  critical_callout_comment: string | null;
  critical_callout_meta: Record<string, unknown>;
  created_on: string;
}

export class LabUserDepartmentsBody {
  @ApiProperty({ type: [Number], example: [3, 4] })
  @IsArray() @ArrayMaxSize(500) @IsInt({ each: true }) @Min(1, { each: true }) @Max(MAX_ID, { each: true }) department_ids: number[];
}

export class LabUserDepartmentsInput extends LabUserDepartmentsBody {
  @ApiProperty({ example: '7' }) @IsString() @MinLength(1) @MaxLength(100) userId: string;
}

export const CRITICAL_COMMANDS = {
  records: defineCommand<CriticalRecordsQuery, CriticalRecordsResult>('reporting', 'critical.records.get'),
  setLabUserDepartments: defineCommand<LabUserDepartmentsInput, { userId: string; department_ids: number[] }>('reporting', 'lab-user.departments.set'),
  recordCallout: defineCommand<RecordCalloutInput, RecordCalloutResult>('critical-callout', 'critical.callout.record'),
  exportCallouts: defineCommand<CalloutExportBody, CalloutExportRecord[]>('critical-callout', 'critical.callout.export'),
  calloutLogs: defineCommand<CriticalLogsQuery, CriticalLogEntry[]>('audit', 'activity.critical-logs.get'),
} as const;
