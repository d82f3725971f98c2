import { Type } from 'class-transformer';
import {
  IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, MaxLength, ValidateNested,
} from 'class-validator';
import { CALLOUT_STATUSES, CalloutStatus } from '../commands/critical.commands';

/** A report parameter with every range other apps need (rerun: auto-rerun rule; callout: critical range). */
export class ReportFormatParameter {
  @IsInt() index: number;
  @IsString() @MaxLength(200) name: string;
  @IsOptional() @IsString() @MaxLength(50) unit?: string;
  @IsOptional() @IsNumber() lower?: number;
  @IsOptional() @IsNumber() upper?: number;
  @IsOptional() @IsNumber() criticalLower?: number;
  @IsOptional() @IsNumber() criticalUpper?: number;
  @IsOptional() @IsNumber() linearityLower?: number;
  @IsOptional() @IsNumber() linearityUpper?: number;
  @IsBoolean() autoRerunAllowed: boolean;
  @IsOptional() @IsIn(['abnormal', 'critical', 'custom']) autoRerunCondition?: 'abnormal' | 'critical' | 'custom';
  @IsOptional() @IsNumber() autoRerunLower?: number;
  @IsOptional() @IsNumber() autoRerunUpper?: number;
  /** true when the value is computed from other indexes (calculations). */
  @IsBoolean() calculated: boolean;
}

/** ageRangeData row: overrides the parameter's ranges for an age band and gender. */
export class ReportFormatAgeRange {
  @IsInt() index: number;
  @IsIn(['male', 'female', 'any']) gender: 'male' | 'female' | 'any';
  @IsInt() ageFrom: number;
  @IsInt() ageTo: number;
  @IsIn(['days', 'months', 'years']) ageUnit: 'days' | 'months' | 'years';
  @IsOptional() @IsNumber() lower?: number;
  @IsOptional() @IsNumber() upper?: number;
  @IsOptional() @IsNumber() criticalLower?: number;
  @IsOptional() @IsNumber() criticalUpper?: number;
}

/** A test's report format was created or replaced (POST reporting/report-format/create|:testId/update). */
export class ReportFormatSaved {
  @IsInt() labId: number;
  @IsInt() testId: number;
  @IsString() @MaxLength(200) testName: string;
  @IsString() testType: string;
  @IsInt() documentReport: number;
  @IsOptional() @IsInt() departmentId?: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReportFormatParameter) parameters: ReportFormatParameter[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReportFormatAgeRange) ageRanges: ReportFormatAgeRange[];
  /** Monotonic per test: a consumer keeps the highest revision. */
  @IsInt() revision: number;
  @IsISO8601() savedAt: string;
}

/** The ageRangeData band whose ranges applied to the patient (absent: the parameter's own ranges). */
export class AppliedAgeBand {
  @IsIn(['male', 'female', 'any']) gender: 'male' | 'female' | 'any';
  @IsInt() ageFrom: number;
  @IsInt() ageTo: number;
  @IsIn(['days', 'months', 'years']) ageUnit: 'days' | 'months' | 'years';
}

/** The reference and critical range a value was judged against (FHIR Observation.referenceRange). */
export class AppliedRange {
  @IsOptional() @IsNumber() lower?: number;
  @IsOptional() @IsNumber() upper?: number;
  @IsOptional() @IsNumber() criticalLower?: number;
  @IsOptional() @IsNumber() criticalUpper?: number;
  @IsOptional() @IsString() @MaxLength(500) referenceText?: string;
  @IsOptional() @ValidateNested() @Type(() => AppliedAgeBand) ageBand?: AppliedAgeBand;
}

/** One stored value after evaluation against the (age/gender-aware) ranges. */
export class ReportValueUpdate {
  @IsInt() index: number;
  @IsString() @MaxLength(500) value: string;
  @IsOptional() @IsNumber() numericValue?: number;
  /** outside the reference range */
  @IsBoolean() abnormal: boolean;
  /** outside the critical range */
  @IsBoolean() critical: boolean;
  @IsArray() @IsString({ each: true }) paramFlags: string[];
  @IsArray() @IsString({ each: true }) interpretation: string[];
  /** Optional (added for the FHIR read model): the range that applied; absent for a parameter without one. */
  @IsOptional() @ValidateNested() @Type(() => AppliedRange) referenceRange?: AppliedRange;
}

/**
 * Values of a lab report were stored (or, for a signed report, parked in device results).
 * Consumers: rerun (auto-rerun check), critical-callout (criticalValues pending), reporting (search index).
 */
export class ReportValuesUpdated {
  @IsUUID() updateId: string;
  @IsInt() labId: number;
  @IsInt() labReportId: number;
  @IsInt() billId: number;
  @IsUUID() patientId: string;
  @IsInt() testId: number;
  @IsString() @MaxLength(100) sampleId: string;
  @IsOptional() @IsInt() departmentId?: number;
  /** `device`: an analyzer upload; `rerun`: rerun values a person confirmed (seed 000 §4), evaluated the same way. */
  @IsIn(['device', 'rerun']) source: 'device' | 'rerun';
  @IsOptional() @IsInt() deviceId?: number;
  /** The device.data.received result this update came from. */
  @IsOptional() @IsString() @MaxLength(64) resultId?: string;
  @IsInt() documentReport: number;
  /** false: the report was signed, values wait in device results for validation (not applied). */
  @IsBoolean() applied: boolean;
  @IsArray() @IsString({ each: true }) testFlags: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReportValueUpdate) values: ReportValueUpdate[];
  /** seed 001: none until a value is critical, then the callout status (pending, attempted, done). */
  @IsIn(['none', ...CALLOUT_STATUSES]) criticalValues: 'none' | CalloutStatus;
  @IsISO8601() updatedAt: string;
}
