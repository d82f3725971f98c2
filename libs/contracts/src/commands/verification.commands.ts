import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsPositive, IsString, Max, MaxLength, Min,
  ValidateNested,
} from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '../openapi';
import { defineCommand } from './command';

const MAX_ID = 2_147_483_647;
export const DELTA_MODES = ['absolute', 'percent', 'rate_per_day'] as const;
export type DeltaModeName = (typeof DELTA_MODES)[number];

/** Activity codes of autoverification (beside rerun's 980–985 and callout's 648): docs/autoverification.md. */
export const VerificationActivity = {
  RULE_SET_SAVED: 1101,
  QC_HOLD_SET: 1102,
  QC_HOLD_CLEARED: 1103,
  REPORT_RELEASED: 1104,
  REPORT_REJECTED: 1105,
} as const;

export class DeltaCheckDto {
  @ApiProperty({ enum: DELTA_MODES, example: 'percent' }) @IsIn(DELTA_MODES) mode: DeltaModeName;
  @ApiProperty({ example: 20, description: 'Largest change that passes: unit, %, or unit per day' })
  @IsPositive() @IsNumber({ allowNaN: false, allowInfinity: false }) limit: number;
  @ApiProperty({ example: 30, description: 'Days back a previous result counts' }) @IsInt() @Min(1) @Max(3650) lookBackDays: number;
}

export class ParameterRuleDto {
  @ApiProperty({ example: 4, description: 'A parameter index of the test\'s format' }) @IsInt() @Min(0) @Max(100_000) index: number;
  @ApiPropertyOptional({ example: true, default: true }) @IsOptional() @IsBoolean() referenceRange?: boolean;
  @ApiPropertyOptional({ example: true, default: true }) @IsOptional() @IsBoolean() measuringRange?: boolean;
  @ApiPropertyOptional({ example: true, default: true }) @IsOptional() @IsBoolean() critical?: boolean;
  @ApiPropertyOptional({ type: DeltaCheckDto }) @IsOptional() @ValidateNested() @Type(() => DeltaCheckDto) delta?: DeltaCheckDto;
}

export class DeviceFlagsDto {
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(MAX_ID) deviceId: number;
  @ApiProperty({ type: [String], example: ['P1'] }) @ArrayMaxSize(200) @MaxLength(100, { each: true }) @IsString({ each: true }) @IsArray()
  blockingParamFlags: string[];
  @ApiProperty({ type: [String], example: ['Sample_Aged'] }) @ArrayMaxSize(200) @MaxLength(200, { each: true }) @IsString({ each: true }) @IsArray()
  blockingTestFlags: string[];
}

/** A rule set of a test: saving it makes a new version; `active: false` keeps it for a dry run only. */
export class RuleSetBody {
  @ApiProperty({ type: [ParameterRuleDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => ParameterRuleDto)
  parameters: ParameterRuleDto[];
  @ApiProperty({ type: [String], example: ['A', 'W', '*', 'H~N'] }) @ArrayMaxSize(200) @MaxLength(100, { each: true }) @IsString({ each: true }) @IsArray()
  blockingParamFlags: string[];
  @ApiProperty({ type: [String], example: ['Blasts/Abn_Lympho?', 'PLT_Clumps?'] })
  @ArrayMaxSize(200) @MaxLength(200, { each: true }) @IsString({ each: true }) @IsArray() blockingTestFlags: string[];
  @ApiPropertyOptional({ type: [DeviceFlagsDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => DeviceFlagsDto)
  devices?: DeviceFlagsDto[];
  @ApiPropertyOptional({ example: true, default: true, description: 'false: stored for dry runs, not applied' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class TestIdPath {
  @ApiProperty({ example: 12 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) testId: number;
}
export class SaveRuleSetInput extends RuleSetBody {
  @ApiProperty({ example: 12 }) @IsInt() @Min(1) @Max(MAX_ID) testId: number;
}

export interface RuleSetView {
  testId: number;
  version: number;
  active: boolean;
  parameters: { index: number; referenceRange: boolean; measuringRange: boolean; critical: boolean; delta: DeltaCheckDto | null }[];
  blockingParamFlags: string[];
  blockingTestFlags: string[];
  devices: DeviceFlagsDto[];
  createdBy: string;
  createdAt: string;
}

export class QcHoldBody {
  @ApiPropertyOptional({ example: 'Level 2 control out (2s rule)' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
  @ApiPropertyOptional({ example: '2026-05-25T06:00:00.000Z', description: 'When QC failed; default now' }) @IsOptional() @IsISO8601() since?: string;
}
export class DeviceIdPath {
  @ApiProperty({ example: 3 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) deviceId: number;
}
export class SetQcHoldInput extends QcHoldBody {
  @IsInt() @Min(1) @Max(MAX_ID) deviceId: number;
}
export interface QcHoldView { deviceId: number; held: boolean; since: string | null; reason: string | null; setBy: string | null; clearedAt: string | null }

export class VerificationLabReportPath {
  @ApiProperty({ example: 123 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) labReportId: number;
}

export class ReviewBody {
  @ApiProperty({ example: 'Smear reviewed, platelets confirmed' }) @IsString() @MaxLength(2000) comment: string;
}
export class RejectBody extends ReviewBody {
  @ApiPropertyOptional({ example: true, description: 'Request a rerun of the held parameters' }) @IsOptional() @IsBoolean() rerun?: boolean;
}
export class ReleaseReportInput extends ReviewBody {
  @IsInt() @Min(1) @Max(MAX_ID) labReportId: number;
}
export class RejectReportInput extends RejectBody {
  @IsInt() @Min(1) @Max(MAX_ID) labReportId: number;
}

export type VerificationStatus = 'auto_verified' | 'held' | 'released' | 'rejected';

export interface FiredRuleView { rule: string; inputs: Record<string, unknown> }
export interface VerificationDecisionView {
  decisionId: string;
  labReportId: number;
  testId: number;
  status: VerificationStatus;
  /** What the rules decided, before any review. */
  decidedStatus: 'auto_verified' | 'held';
  ruleSetVersion: number | null;
  reasons: string[];
  parameters: { index: number; name: string | null; value: string | null; status: 'auto_verified' | 'held'; fired: FiredRuleView[] }[];
  report: FiredRuleView[];
  decidedAt: string;
  review: { action: 'released' | 'rejected'; comment: string; by: string; at: string; rerunRequested: number[] } | null;
  /** Decisions of this report so far (one per applied upload whose values changed). */
  decisions: number;
}

export class DryRunBody {
  @ApiProperty({ example: 30 }) @IsInt() @Min(1) @Max(365) days: number;
  @ApiPropertyOptional({ example: 2, description: 'Default: the latest version, active or not' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) version?: number;
}
export class DryRunInput extends DryRunBody {
  @IsInt() @Min(1) @Max(MAX_ID) testId: number;
}
export interface DryRunResult {
  testId: number;
  version: number;
  days: number;
  reports: number;
  autoVerified: number;
  held: number;
  autoVerifiedPercent: number;
  heldPercent: number;
  /** % of the reports each rule held (a report can be held by several). */
  heldPercentByRule: Record<string, number>;
  heldByRule: Record<string, number>;
  /** Reports the rule set would release that a person rejected, or whose values a rerun changed. */
  wouldReleaseChanged: { labReportId: number; why: ('rejected' | 'rerun')[] }[];
}

export const VERIFICATION_COMMANDS = {
  saveRuleSet: defineCommand<SaveRuleSetInput, RuleSetView>('verification', 'verification.rule-set.save'),
  getRuleSet: defineCommand<TestIdPath, RuleSetView>('verification', 'verification.rule-set.get'),
  setQcHold: defineCommand<SetQcHoldInput, QcHoldView>('verification', 'verification.qc-hold.set'),
  clearQcHold: defineCommand<DeviceIdPath, QcHoldView>('verification', 'verification.qc-hold.clear'),
  decision: defineCommand<VerificationLabReportPath, VerificationDecisionView>('verification', 'verification.decision.get'),
  release: defineCommand<ReleaseReportInput, VerificationDecisionView>('verification', 'verification.report.release'),
  reject: defineCommand<RejectReportInput, VerificationDecisionView>('verification', 'verification.report.reject'),
  dryRun: defineCommand<DryRunInput, DryRunResult>('verification', 'verification.dry-run'),
} as const;

/** The `verification` block reporting's reads show beside the flags (beyond seed 002; no spec field changes). */
export interface ReportVerificationBlock {
  status: VerificationStatus;
  decidedStatus: 'auto_verified' | 'held';
  reasons: string[];
  ruleSetVersion: number | null;
  heldParameters: number[];
  decisionId: string;
  decidedAt: string;
  review: { action: 'released' | 'rejected'; by: string; comment: string; at: string } | null;
}
